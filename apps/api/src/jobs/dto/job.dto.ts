import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { ErrorCode } from '../../platform/http/error-code';
import { JOB_STATUSES, JOB_STEP_TYPES, JOB_TRIGGERS, JOB_TYPES, JobStatus, JobStepType, JobTrigger, JobType } from '../job-executor';
import { JOB_STEP_STATUSES, JobStepStatus } from '../job-status';

/** The latest progress of the running step; fields appear as the step reports them. */
export class JobProgressDto {
  @ApiPropertyOptional({ description: 'Files processed so far' })
  files?: number;

  @ApiPropertyOptional({ description: 'Bytes read so far, before compression and deduplication' })
  original_size?: number;

  @ApiPropertyOptional()
  compressed_size?: number;

  @ApiPropertyOptional()
  deduplicated_size?: number;

  @ApiPropertyOptional({ example: '/home/user/documents/report.pdf' })
  current_path?: string;

  @ApiPropertyOptional({ description: 'Units done of total, for steps that count (check, prune; bytes for a cloud sync)' })
  current?: number;

  @ApiPropertyOptional()
  total?: number;

  @ApiPropertyOptional({ description: 'current of total in percent (one decimal), when the step knows its total', example: 42.5 })
  percent?: number;

  @ApiPropertyOptional({ example: 'Checking segments 42%' })
  message?: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: "Bytes per second: rclone's measured speed for a cloud sync, else original_size per second since the step started",
  })
  rate_bytes_per_second!: number | null;

  @ApiProperty({ description: 'Seconds since the job started', example: 12.5 })
  elapsed_seconds!: number;
}

export class JobErrorDto {
  @ApiProperty({ enum: ErrorCode, enumName: 'ErrorCode' })
  code!: string;

  @ApiProperty({ example: 'The repository is locked by another borg process' })
  message!: string;
}

export class JobStepDto {
  @ApiProperty({ example: 1, description: '1-based order of the step in its job' })
  position!: number;

  @ApiProperty({ enum: JOB_STEP_TYPES, enumName: 'JobStepType' })
  type!: JobStepType;

  @ApiProperty({ enum: JOB_STEP_STATUSES, enumName: 'JobStepStatus', description: 'skipped: an earlier step ended the job' })
  status!: JobStepStatus;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: "What this step was given (a hook's name and command, a prune's rules); null: the job's parameters",
  })
  parameters!: Record<string, unknown> | null;

  @ApiProperty({ description: 'Runs even after an earlier step failed or the job was cancelled' })
  run_on_failure!: boolean;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  started_at!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  finished_at!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  result!: Record<string, unknown> | null;

  @ApiProperty({ type: JobErrorDto, nullable: true })
  error!: JobErrorDto | null;
}

export class JobDto {
  @ApiProperty({ example: 12 })
  id!: number;

  @ApiProperty({ enum: JOB_TYPES, enumName: 'JobType' })
  type!: JobType;

  @ApiProperty({ enum: JOB_STATUSES, enumName: 'JobStatus' })
  status!: JobStatus;

  @ApiProperty({ type: Number, nullable: true, description: 'May name a repository that has since been deleted' })
  repository_id!: number | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the job was asked to do (never secrets)' })
  parameters!: Record<string, unknown>;

  @ApiProperty({ enum: JOB_TRIGGERS, enumName: 'JobTrigger' })
  trigger!: JobTrigger;

  @ApiProperty({ type: Number, nullable: true, description: 'For retries: the job this one repeats' })
  retry_of_id!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'The schedule this job is a run of (or a retry of one)' })
  schedule_id!: number | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  started_at!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  finished_at!: string | null;

  @ApiProperty({ type: JobProgressDto, nullable: true })
  progress!: JobProgressDto | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: "The result of the job's own step (e.g. archive stats)",
  })
  result!: Record<string, unknown> | null;

  @ApiProperty({ type: [String] })
  warnings!: string[];

  @ApiProperty({ type: JobErrorDto, nullable: true })
  error!: JobErrorDto | null;

  @ApiProperty({ description: 'The log reached its size cap and later lines were dropped' })
  log_truncated!: boolean;

  @ApiProperty({ type: [JobStepDto] })
  steps!: JobStepDto[];
}

/** How a job went, in brief (a schedule's last run). */
export class JobSummaryDto extends PickType(JobDto, ['id', 'status', 'created_at', 'started_at', 'finished_at', 'error'] as const) {}
