import { Field, InputType, Int } from '@nestjs/graphql';
import { JOB_STATUSES, JOB_TYPES, JobStatus, JobType } from '@borgitory/job-states';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { JobStatusEnum, JobTypeEnum } from './enums';

/** The filters of GET /api/v1/jobs, each a set as there (`?status=failed,warning`); every one is on an index. */
@InputType('JobFilter')
export class JobFilter {
  @Field(() => [JobStatusEnum], { nullable: true, description: 'Jobs in any of these states' })
  @IsOptional()
  @IsIn(JOB_STATUSES, { each: true })
  status?: JobStatus[];

  @Field(() => [JobTypeEnum], { nullable: true, description: 'Jobs of any of these types' })
  @IsOptional()
  @IsIn(JOB_TYPES, { each: true })
  type?: JobType[];

  @Field(() => [Int], { nullable: true, description: 'Jobs of any of these repositories' })
  @IsOptional()
  @IsInt({ each: true })
  @Min(1, { each: true })
  repositoryId?: number[];

  @Field(() => [Int], { nullable: true, description: 'Runs of any of these schedules' })
  @IsOptional()
  @IsInt({ each: true })
  @Min(1, { each: true })
  scheduleId?: number[];
}
