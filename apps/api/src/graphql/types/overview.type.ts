import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DtoField } from './dto-field';
import { JobObject } from './job.type';

@ObjectType('OverviewTotals')
export class OverviewTotalsObject {
  @Field(() => Int)
  repositories!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Int)
  overdue!: number;

  @Field(() => Int)
  warning!: number;

  @Field(() => Int)
  healthy!: number;

  @Field(() => Int)
  archives!: number;

  @DtoField(() => Float)
  original_size!: number;

  @DtoField(() => Float)
  deduplicated_size!: number;

  @DtoField(() => Int)
  unacknowledged_failures!: number;

  @DtoField(() => Int)
  running_jobs!: number;

  @DtoField(() => Int)
  queued_jobs!: number;
}

@ObjectType('RepositoryOverview', { description: "A repository's verdict on the dashboard" })
export class RepositoryOverviewObject {
  @Field(() => Int)
  id!: number;

  @Field()
  name!: string;

  @Field({ description: 'healthy, warning, overdue or failed (GET /api/v1/overview)' })
  health!: string;

  @DtoField(() => [String], { description: 'Every finding behind the verdict, worst first, in words' })
  health_reasons!: string[];

  @DtoField(() => String, { nullable: true })
  newest_archive_at!: string | null;

  @Field()
  overdue!: boolean;

  @DtoField(() => Int, { nullable: true })
  archives_count!: number | null;

  @DtoField(() => Float, { nullable: true })
  deduplicated_size!: number | null;
}

@ObjectType('Overview', { description: "The dashboard's summary (GET /api/v1/overview)" })
export class OverviewObject {
  @Field(() => [RepositoryOverviewObject], { description: 'Worst first' })
  repositories!: RepositoryOverviewObject[];

  @Field(() => OverviewTotalsObject)
  totals!: OverviewTotalsObject;

  @DtoField(() => [JobObject])
  running_jobs!: JobObject[];

  @DtoField(() => String)
  generated_at!: string;
}
