import type { JobStepStatus, JobStepType } from '@borgitory/job-states';
import { AnyStepParameters, AnyStepResult, StepParameters, StepResult } from '../contract/job-contracts';

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
  /** What the step is doing, in words, for steps whose figures say little (prune, compact, check). */
  phase?: string;
  /** Set by a step that knows its end better than current/total would (a backup's estimate). */
  percent?: number;
  eta_seconds?: number | null;
  /** percent and eta_seconds are estimated (from the previous archive of the same sources), not counted. */
  estimated?: boolean;
  /** When the step measures it itself; otherwise it is worked out from original_size. */
  rate_bytes_per_second?: number;
}

/** A step of the same job that ran before this one, as it ended. */
export interface EarlierStep {
  readonly type: JobStepType;
  readonly status: JobStepStatus;
  readonly result: AnyStepResult | null;
  readonly errorMessage: string | null;
}

export interface JobContext<Parameters = AnyStepParameters> {
  readonly jobId: number;
  readonly repositoryId: number | null;
  /** The step's own parameters, or the job's when the step has none; as enqueued (never secrets). */
  readonly parameters: Parameters;
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

export interface JobOutcome<Result = AnyStepResult> {
  status: 'completed' | 'warning';
  /** Summary shown to users (e.g. archive stats). */
  result: Result | null;
  warnings: string[];
}

/** Runs the steps of one type, given that type's parameters and reporting that type's result. */
export interface JobExecutor<T extends JobStepType = JobStepType> {
  readonly type: T;
  run(context: JobContext<StepParameters<T>>): Promise<JobOutcome<StepResult<T>>>;
}

/** One step of a job to enqueue. */
export type JobStepPlan = {
  [T in JobStepType]: {
    type: T;
    /** Default: the job's parameters. Never secrets. */
    parameters?: StepParameters<T>;
    /** Runs even after an earlier step failed or the job was cancelled. */
    runOnFailure?: boolean;
  };
}[JobStepType];

/** A step as stored: its type and its parameters, which the type does not constrain once read back. */
export interface StoredStepPlan {
  type: JobStepType;
  parameters?: AnyStepParameters;
  runOnFailure?: boolean;
}
