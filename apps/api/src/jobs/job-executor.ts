import type { JobStepStatus } from './job-status';

export const JOB_TYPES = ['backup', 'prune', 'compact', 'check', 'delete_archive', 'restore', 'cloud_sync'] as const;
export type JobType = (typeof JOB_TYPES)[number];

/** A job's steps are of its types, or a hook (a step of scheduled runs only). */
export const JOB_STEP_TYPES = [...JOB_TYPES, 'hook'] as const;
export type JobStepType = (typeof JOB_STEP_TYPES)[number];

export const JOB_STATUSES = ['queued', 'running', 'completed', 'warning', 'failed', 'cancelled', 'interrupted'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_TRIGGERS = ['manual', 'schedule', 'retry'] as const;
export type JobTrigger = (typeof JOB_TRIGGERS)[number];

export type JobLogLevel = 'debug' | 'info' | 'warning' | 'error';

/** Every field is optional; the engine keeps the latest merged state. */
export interface JobProgress {
  files?: number;
  original_size?: number;
  compressed_size?: number;
  deduplicated_size?: number;
  current_path?: string;
  current?: number;
  total?: number;
  message?: string;
  /** When the step measures it itself; otherwise it is worked out from original_size. */
  rate_bytes_per_second?: number;
}

/** A step of the same job that ran before this one, as it ended. */
export interface EarlierStep {
  readonly type: JobStepType;
  readonly status: JobStepStatus;
  readonly result: Record<string, unknown> | null;
  readonly errorMessage: string | null;
}

export interface JobContext {
  readonly jobId: number;
  readonly repositoryId: number | null;
  /** The step's own parameters, or the job's when the step has none; as enqueued (never secrets). */
  readonly parameters: Record<string, unknown>;
  /** The steps that ran before this one (not the skipped ones), in order. */
  readonly earlierSteps: readonly EarlierStep[];
  /** Aborted on cancel and on shutdown. */
  readonly signal: AbortSignal;
  /** Appends to the job's log file (and the SSE 'log' event). */
  log(level: JobLogLevel, message: string): void;
  /** The engine merges, throttles (≤ 4 events/s to clients; DB writes ≤ 1 every 2 s), adds rate and elapsed. */
  progress(update: JobProgress): void;
  /** Record the pid of a spawned process group leader (borg runs detached in its own group) so crash recovery can kill orphans. */
  processStarted(pid: number): void;
}

export interface JobOutcome {
  status: 'completed' | 'warning';
  /** Summary shown to users (e.g. archive stats). */
  result: Record<string, unknown> | null;
  warnings: string[];
}

export interface JobExecutor {
  readonly type: JobStepType;
  run(context: JobContext): Promise<JobOutcome>;
}

/**
 * Thrown by an executor for a failure the user should read: code is an ErrorCode value, message is shown as is.
 * An ApiError thrown by a service an executor calls (RepositoryBorg.run, for one) counts the same.
 */
export class JobFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'JobFailure';
  }
}

/** One step of a job to enqueue. */
export interface JobStepPlan {
  type: JobStepType;
  /** Default: the job's parameters. Never secrets. */
  parameters?: Record<string, unknown>;
  /** Runs even after an earlier step failed or the job was cancelled. */
  runOnFailure?: boolean;
}
