/** What a job does; a job's own step is of its type. */
export const JOB_TYPES = ['backup', 'prune', 'compact', 'check', 'delete_archive', 'restore', 'cloud_sync'] as const;
export type JobType = (typeof JOB_TYPES)[number];

/** A job's steps are of its types, or a hook (a step of scheduled runs only). */
export const JOB_STEP_TYPES = [...JOB_TYPES, 'hook'] as const;
export type JobStepType = (typeof JOB_STEP_TYPES)[number];

export const JOB_STATUSES = ['queued', 'running', 'completed', 'warning', 'failed', 'cancelled', 'interrupted'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** skipped: an earlier step ended the job. */
export const JOB_STEP_STATUSES = ['pending', 'running', 'completed', 'warning', 'failed', 'cancelled', 'interrupted', 'skipped'] as const;
export type JobStepStatus = (typeof JOB_STEP_STATUSES)[number];

export const JOB_TRIGGERS = ['manual', 'schedule', 'retry'] as const;
export type JobTrigger = (typeof JOB_TRIGGERS)[number];

/** Queued or running: the job can still change, and can be cancelled. */
export const ACTIVE_STATUSES: readonly JobStatus[] = ['queued', 'running'];
const ACTIVE: ReadonlySet<JobStatus> = new Set(ACTIVE_STATUSES);
const RETRYABLE: ReadonlySet<JobStatus> = new Set(['failed', 'cancelled', 'interrupted']);

/** Finished jobs: their status no longer changes. */
export const FINISHED_STATUSES: readonly JobStatus[] = JOB_STATUSES.filter((status) => !ACTIVE.has(status));

export const isJobActive = (status: JobStatus): boolean => ACTIVE.has(status);

export const isJobFinished = (status: JobStatus): boolean => !ACTIVE.has(status);

/** Failed, cancelled or interrupted jobs can be run again. */
export const isJobRetryable = (status: JobStatus): boolean => RETRYABLE.has(status);
