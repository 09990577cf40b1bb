import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import {
  JOB_STATUSES,
  JOB_STEP_STATUSES,
  JOB_STEP_TYPES,
  JOB_TRIGGERS,
  JOB_TYPES,
  JobStatus,
  JobStepStatus,
  JobStepType,
  JobTrigger,
  JobType,
} from '@borgitory/job-states';
import { ErrorCode } from '../../platform/errors/error-code';
import { SchemaUnion } from '../../platform/openapi/schema-union';
import { JOB_CONTRACTS, StepParameters, StepResult } from '../contract/job-contracts';

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

  @ApiPropertyOptional({
    description: 'current of total in percent (one decimal) when the step knows its total; for a backup, an estimate (see estimated)',
    example: 42.5,
  })
  percent?: number;

  @ApiPropertyOptional({ example: 'Checking segments 42%' })
  message?: string;

  @ApiPropertyOptional({
    description: 'What the step is doing, in words, for steps whose figures say little (prune, compact, check)',
    example: 'Checking the archives',
  })
  phase?: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'Seconds left, estimated (a backup of the same sources as an earlier archive); null while too little is known or once past what that archive held',
    example: 95,
  })
  eta_seconds?: number | null;

  @ApiPropertyOptional({
    description: 'percent and eta_seconds are an estimate from the previous archive of the same sources, not a count',
  })
  estimated?: boolean;

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

/** What every step has, whatever its type. */
export class JobStepBaseDto {
  @ApiProperty({ example: 1, description: '1-based order of the step in its job' })
  position!: number;

  @ApiProperty({ enum: JOB_STEP_STATUSES, enumName: 'JobStepStatus', description: 'skipped: an earlier step ended the job' })
  status!: JobStepStatus;

  @ApiProperty({ description: 'Runs even after an earlier step failed or the job was cancelled' })
  run_on_failure!: boolean;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  started_at!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  finished_at!: string | null;

  @ApiProperty({ type: JobErrorDto, nullable: true })
  error!: JobErrorDto | null;
}

/** A step of one type: what it was given (null: the job's parameters) and what it reported. */
export type JobStepDtoOf<T extends JobStepType> = JobStepBaseDto & {
  type: T;
  parameters: StepParameters<T> | null;
  result: StepResult<T> | null;
};
export type JobStepDto = { [T in JobStepType]: JobStepDtoOf<T> }[JobStepType];

export const JobStepDto = new SchemaUnion(
  'JobStepDto',
  'type',
  variants(JOB_STEP_TYPES, 'Step', JobStepBaseDto, {
    parameters: "What this step was given (a hook's name and command, a prune's rules); null: the job's parameters",
    result: 'What the step reported when it succeeded',
    nullableParameters: true,
  }),
);

/** What every job has, whatever its type. */
export class JobBaseDto {
  @ApiProperty({ example: 12 })
  id!: number;

  @ApiProperty({ enum: JOB_STATUSES, enumName: 'JobStatus' })
  status!: JobStatus;

  @ApiProperty({ type: Number, nullable: true, description: 'May name a repository that has since been deleted' })
  repository_id!: number | null;

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

  @ApiProperty({ type: [String] })
  warnings!: string[];

  @ApiProperty({ type: JobErrorDto, nullable: true })
  error!: JobErrorDto | null;

  @ApiProperty({ description: 'The log reached its size cap and later lines were dropped' })
  log_truncated!: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'When someone acknowledged this failed or warning job; until then it counts on the dashboard (GET /api/v1/overview)',
  })
  acknowledged_at!: string | null;

  @ApiProperty({ type: 'array', items: JobStepDto.ref })
  steps!: JobStepDto[];
}

/** A job of one type: what it was asked to do and what its own step reported. */
export type JobDtoOf<T extends JobType> = JobBaseDto & {
  type: T;
  parameters: StepParameters<T>;
  result: StepResult<T> | null;
};
export type JobDto = { [T in JobType]: JobDtoOf<T> }[JobType];

/** A job, told apart by its `type`: each type has its own parameters and result. */
export const JobDto = new SchemaUnion(
  'JobDto',
  'type',
  variants(JOB_TYPES, 'Job', JobBaseDto, {
    parameters: 'What the job was asked to do (never secrets)',
    result: "What the job's own step reported when it succeeded (e.g. archive stats)",
    nullableParameters: false,
  }),
);

/** How a job went, in brief (a schedule's last run). */
export class JobSummaryDto extends PickType(JobBaseDto, ['id', 'status', 'created_at', 'started_at', 'finished_at', 'error'] as const) {}

interface VariantTexts {
  parameters: string;
  result: string;
  nullableParameters: boolean;
}

/** One model per type (`BackupJobDto`, `HookStepDto`, …): the base with that type's parameters and result. */
function variants(types: readonly JobStepType[], suffix: string, base: Type<object>, texts: VariantTexts): Record<string, Type<unknown>> {
  return Object.fromEntries(
    types.map((type) => {
      const variant = class extends base {};
      const name = type.replace(/(^|_)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
      Object.defineProperty(variant, 'name', { value: `${name}${suffix}Dto` });
      const { parameters, result } = JOB_CONTRACTS[type];
      ApiProperty({ enum: [type] })(variant.prototype, 'type');
      ApiProperty({ type: parameters, nullable: texts.nullableParameters, description: texts.parameters })(variant.prototype, 'parameters');
      ApiProperty(
        result
          ? { type: result, nullable: true, description: texts.result }
          : { type: 'object', additionalProperties: false, nullable: true, description: 'Always null' },
      )(variant.prototype, 'result');
      return [type, variant];
    }),
  );
}
