import { JobStatus } from './job-executor';

export const JOB_STEP_STATUSES = ['pending', 'running', 'completed', 'warning', 'failed', 'cancelled', 'interrupted', 'skipped'] as const;
export type JobStepStatus = (typeof JOB_STEP_STATUSES)[number];

export const FINISHED_STATUSES: readonly JobStatus[] = ['completed', 'warning', 'failed', 'cancelled', 'interrupted'];
const FINISHED: ReadonlySet<JobStatus> = new Set(FINISHED_STATUSES);
const RETRYABLE: ReadonlySet<JobStatus> = new Set(['failed', 'cancelled', 'interrupted']);

export const isFinished = (status: JobStatus): boolean => FINISHED.has(status);
export const isRetryable = (status: JobStatus): boolean => RETRYABLE.has(status);

export const INTERRUPTED_MESSAGE = 'Borgitory stopped while this job was running';
