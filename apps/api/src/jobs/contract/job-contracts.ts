import { Type } from '@nestjs/common';
import { JobStepType } from '@borgitory/job-states';
import { BackupParametersDto, BackupResultDto } from './backup-job';
import { CheckParametersDto, CheckResultDto } from './check-job';
import { CloudSyncParametersDto, CloudSyncResultDto } from './cloud-sync-job';
import { CompactParametersDto } from './compact-job';
import { DeleteArchiveParametersDto, DeleteArchiveResultDto } from './delete-archive-job';
import { HookResultDto, HookStepParametersDto } from './hook-step';
import { PruneParametersDto, PruneResultDto } from './prune-job';
import { RestoreParametersDto, RestoreResultDto } from './restore-job';

interface StepContract {
  /** What a step of this type is given (never secrets), as stored with the job and shown by the API. */
  parameters: Type<object>;
  /** What it reports when it succeeds; null: nothing. */
  result: Type<object> | null;
}

/** The one declaration of what each type of job or step is given and reports. */
export const JOB_CONTRACTS = {
  backup: { parameters: BackupParametersDto, result: BackupResultDto },
  prune: { parameters: PruneParametersDto, result: PruneResultDto },
  compact: { parameters: CompactParametersDto, result: null },
  check: { parameters: CheckParametersDto, result: CheckResultDto },
  delete_archive: { parameters: DeleteArchiveParametersDto, result: DeleteArchiveResultDto },
  restore: { parameters: RestoreParametersDto, result: RestoreResultDto },
  cloud_sync: { parameters: CloudSyncParametersDto, result: CloudSyncResultDto },
  hook: { parameters: HookStepParametersDto, result: HookResultDto },
} as const satisfies Record<JobStepType, StepContract>;

type Contracts = typeof JOB_CONTRACTS;

export type StepParameters<T extends JobStepType> = InstanceType<Contracts[T]['parameters']>;
export type StepResult<T extends JobStepType> = T extends JobStepType
  ? Contracts[T]['result'] extends Type<object>
    ? InstanceType<Contracts[T]['result']>
    : null
  : never;

/** Any type's parameters or result, as the tables hold them next to the type they belong to. */
export type AnyStepParameters = StepParameters<JobStepType>;
export type AnyStepResult = StepResult<JobStepType>;
