import { Field, InputType, Int } from '@nestjs/graphql';
import { JOB_STATUSES, JOB_TYPES, JobStatus, JobType } from '@borgitory/job-states';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { JobStatusEnum, JobTypeEnum } from './enums';

/** The filters of GET /api/v1/jobs; every one is on an index. */
@InputType('JobFilter')
export class JobFilter {
  @Field(() => JobStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(JOB_STATUSES)
  status?: JobStatus;

  @Field(() => JobTypeEnum, { nullable: true })
  @IsOptional()
  @IsIn(JOB_TYPES)
  type?: JobType;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  repositoryId?: number;

  @Field(() => Int, { nullable: true, description: "A schedule's runs" })
  @IsOptional()
  @IsInt()
  @Min(1)
  scheduleId?: number;
}
