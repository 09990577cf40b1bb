import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { JobStatus, JobType as JobTypeName } from '@borgitory/job-states';
import { Connection } from './connection';
import { DtoField } from './dto-field';
import { JobStatusEnum, JobTypeEnum } from './enums';
import { JsonScalar } from './json.scalar';

@ObjectType('JobError')
export class JobErrorObject {
  @Field({ description: 'One of the REST error codes (BORG_ERROR, SOURCE_UNAVAILABLE, …)' })
  code!: string;

  @Field()
  message!: string;
}

@ObjectType('JobProgress', { description: 'The latest progress of the running step; fields appear as the step reports them' })
export class JobProgressObject {
  @DtoField(() => Float, { nullable: true })
  files?: number;

  @DtoField(() => Float, { nullable: true })
  original_size?: number;

  @DtoField(() => String, { nullable: true })
  current_path?: string;

  @DtoField(() => Float, { nullable: true })
  percent?: number;

  @DtoField(() => String, { nullable: true })
  phase?: string;

  @DtoField(() => Float, { nullable: true })
  eta_seconds?: number | null;

  @DtoField(() => Float)
  elapsed_seconds!: number;
}

@ObjectType('JobStep')
export class JobStepObject {
  @Field(() => Int)
  position!: number;

  @Field()
  type!: string;

  @Field()
  status!: string;

  @DtoField(() => String, { nullable: true })
  started_at!: string | null;

  @DtoField(() => String, { nullable: true })
  finished_at!: string | null;

  @Field(() => JobErrorObject, { nullable: true })
  error!: JobErrorObject | null;
}

@ObjectType('Job', { description: 'A job: the same fields as GET /api/v1/jobs/{id}, in camelCase' })
export class JobObject {
  @Field(() => Int)
  id!: number;

  @Field(() => JobTypeEnum)
  type!: JobTypeName;

  @Field(() => JobStatusEnum)
  status!: JobStatus;

  @DtoField(() => Int, { nullable: true })
  repository_id!: number | null;

  @Field()
  trigger!: string;

  @DtoField(() => Int, { nullable: true })
  retry_of_id!: number | null;

  @DtoField(() => Int, { nullable: true })
  schedule_id!: number | null;

  @DtoField(() => String)
  created_at!: string;

  @DtoField(() => String, { nullable: true })
  started_at!: string | null;

  @DtoField(() => String, { nullable: true })
  finished_at!: string | null;

  @Field(() => JsonScalar, { description: 'What the job was asked to do (never secrets); its shape depends on the type' })
  parameters!: unknown;

  @Field(() => JsonScalar, { nullable: true, description: "What the job's own step reported when it succeeded" })
  result!: unknown;

  @Field(() => JobProgressObject, { nullable: true })
  progress!: JobProgressObject | null;

  @Field(() => [String])
  warnings!: string[];

  @Field(() => JobErrorObject, { nullable: true })
  error!: JobErrorObject | null;

  @DtoField(() => Boolean)
  log_truncated!: boolean;

  @DtoField(() => String, { nullable: true })
  acknowledged_at!: string | null;

  @Field(() => [JobStepObject])
  steps!: JobStepObject[];
}

@ObjectType('JobConnection', { description: 'Jobs, newest first' })
export class JobConnection extends Connection(JobObject, 'Job') {}

@ObjectType('JobLogLine')
export class JobLogLineObject {
  @Field(() => Float, { description: 'Byte offset of the line in the log file' })
  offset!: number;

  @Field()
  time!: string;

  @Field()
  level!: string;

  @Field()
  message!: string;
}

@ObjectType('JobLogPage')
export class JobLogPageObject {
  @Field(() => [JobLogLineObject])
  lines!: JobLogLineObject[];

  @DtoField(() => Float, { description: 'The offset to ask for next' })
  next_offset!: number;

  @Field()
  truncated!: boolean;

  @Field({ description: 'The job has finished and nextOffset is the end of its log' })
  complete!: boolean;
}
