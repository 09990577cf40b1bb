import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DtoField } from './dto-field';

@ObjectType('ScheduleRun', { description: "A schedule's newest run, in brief" })
export class ScheduleRunObject {
  @Field(() => Int)
  id!: number;

  @Field()
  status!: string;

  @DtoField(() => String)
  created_at!: string;

  @DtoField(() => String, { nullable: true })
  finished_at!: string | null;
}

@ObjectType('Schedule', { description: 'A schedule (GET /api/v1/schedules/{id}); its hooks stay in the REST API' })
export class ScheduleObject {
  @Field(() => Int)
  id!: number;

  @Field()
  name!: string;

  @DtoField(() => Int)
  repository_id!: number;

  @DtoField(() => Int, { nullable: true, description: 'The host backed up in pull mode; null: this server' })
  host_id!: number | null;

  @DtoField(() => [String])
  source_paths!: string[];

  @DtoField(() => String)
  archive_name!: string;

  @Field()
  compression!: string;

  @DtoField(() => String)
  cron_expression!: string;

  @Field()
  timezone!: string;

  @Field({ description: 'The cron expression in words' })
  description!: string;

  @Field()
  enabled!: boolean;

  @DtoField(() => String, { nullable: true })
  disabled_reason!: string | null;

  @DtoField(() => String, { nullable: true, description: "With the zone's offset; null while disabled" })
  next_run_at!: string | null;

  @DtoField(() => Int, { nullable: true })
  pruning_policy_id!: number | null;

  @DtoField(() => Int, { nullable: true })
  check_policy_id!: number | null;

  @DtoField(() => Int, { nullable: true })
  cloud_sync_config_id!: number | null;

  @DtoField(() => ScheduleRunObject, { nullable: true })
  last_run!: ScheduleRunObject | null;

  @DtoField(() => String)
  created_at!: string;

  @DtoField(() => String)
  updated_at!: string;
}
