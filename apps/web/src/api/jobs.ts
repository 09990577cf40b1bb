import { unwrap, unwrapPage, type operations, type Schemas } from '@borgitory/api-client';
import type { JobStepType, JobType } from '@borgitory/job-states';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { archiveKeys } from './archive-keys';
import { api } from './client';
import { cloudSyncKeys } from './cloud-sync-keys';
import { historyKeys } from './history-keys';
import { repositoryKeys } from './repositories';
import { dayRangeBounds, type DayRange } from '../util/day-range';

/** A job as the API sends it: what it was asked to do, where it is, and how it ended. */
export type Job = Schemas['JobDto'];
export type JobStatus = Schemas['JobStatus'];
export type JobStep = Schemas['JobStepDto'];
/** A job of one type, with that type's parameters and result. */
export type JobOf<T extends JobType> = Extract<Job, { type: T }>;
/** A step of one type, with that type's parameters and result. */
export type JobStepOf<T extends JobStepType> = Extract<JobStep, { type: T }>;
export type JobStepStatus = Schemas['JobStepStatus'];
export type JobProgress = Schemas['JobProgressDto'];
export type JobLogLine = Schemas['JobLogLineDto'];
type JobLogPage = Schemas['JobLogPageDto'];

/**
 * The logs operation also offers text/plain (with ?format=text), so its typed
 * answer includes a string; without that parameter the answer is the JSON envelope.
 */
type JsonAnswer<T> = { data?: { data: T }; error?: unknown; response: Response };

export const JOB_PAGE_SIZE = 50;

/** What the jobs list filters by: any of some statuses, a type, a repository, a range of days; absent: everything. */
export interface JobFilters {
  status?: JobStatus[];
  type?: JobType;
  repository_id?: number;
  days?: DayRange;
}

type JobListQuery = NonNullable<operations['jobsList']['parameters']['query']>;

/** The filters in the API's terms (`?status=failed,warning&created_after=…`). */
function jobListQuery(filters: JobFilters, limit: number, offset: number): JobListQuery {
  return {
    limit,
    offset,
    ...(filters.status && filters.status.length > 0 ? { status: filters.status } : {}),
    ...(filters.type ? { type: [filters.type] } : {}),
    ...(filters.repository_id !== undefined ? { repository_id: [filters.repository_id] } : {}),
    ...dayRangeBounds(filters.days ?? {}),
  };
}

export const jobKeys = {
  all: ['jobs'] as const,
  lists: ['jobs', 'list'] as const,
  list: (filters: JobFilters, offset: number, limit: number) => ['jobs', 'list', { ...filters, offset, limit }] as const,
  detail: (id: number) => ['jobs', 'detail', id] as const,
  log: (id: number) => ['jobs', 'log', id] as const,
};

/** What a step was given: its own parameters, or the job's when it has none (the job's own step). */
export function stepParameters(job: Job, step: JobStepOf<'prune'>): JobOf<'prune'>['parameters'] | null;
export function stepParameters(job: Job, step: JobStepOf<'check'>): JobOf<'check'>['parameters'] | null;
export function stepParameters(job: Job, step: JobStepOf<'cloud_sync'>): JobOf<'cloud_sync'>['parameters'] | null;
export function stepParameters(job: Job, step: JobStep): JobStep['parameters'] | Job['parameters'] | null {
  if (step.parameters !== null) return step.parameters;
  return job.type === step.type ? job.parameters : null;
}

/** One page of jobs, newest first; the previous page stays on screen while the next one loads. */
export function useJobs(filters: JobFilters, offset = 0, limit = JOB_PAGE_SIZE) {
  return useQuery({
    queryKey: jobKeys.list(filters, offset, limit),
    queryFn: () => unwrapPage(api.GET('/api/v1/jobs', { params: { query: jobListQuery(filters, limit, offset) } })),
    placeholderData: keepPreviousData,
  });
}

export function useJob(id: number) {
  return useQuery({
    queryKey: jobKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/jobs/{id}', { params: { path: { id } } })),
  });
}

/** Log lines asked for per request (the API's maximum). */
const LOG_PAGE_LINES = 1000;

export interface JobLog {
  lines: JobLogLine[];
  /** The byte offset after the last line read: live lines from here on are new. */
  nextOffset: number;
  truncated: boolean;
}

/**
 * The job's log as it is now, read page by page to its end. It is read once:
 * for a running job the live `log` events carry on from `nextOffset`.
 */
export function useJobLog(id: number) {
  return useQuery({
    queryKey: jobKeys.log(id),
    queryFn: async (): Promise<JobLog> => {
      const lines: JobLogLine[] = [];
      let offset = 0;
      for (;;) {
        const page = await unwrap(
          api.GET('/api/v1/jobs/{id}/logs', {
            params: { path: { id }, query: { offset, limit: LOG_PAGE_LINES } },
          }) as Promise<JsonAnswer<JobLogPage>>,
        );
        lines.push(...page.lines);
        offset = page.next_offset;
        if (page.complete || page.lines.length < LOG_PAGE_LINES) {
          return { lines, nextOffset: offset, truncated: page.truncated };
        }
      }
    },
    staleTime: Infinity,
    gcTime: 0,
  });
}

/** The whole log as a text file; a plain link, so the browser downloads it. */
export function jobLogTextUrl(id: number): string {
  return `/api/v1/jobs/${id}/logs?format=text`;
}

/** Stops a queued or running job; the answer comes once it has settled. */
export function useCancelJob(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/jobs/{id}/cancel', { params: { path: { id } } })),
    onSuccess: (job) => keepJob(queryClient, job),
  });
}

/** Runs a failed, cancelled or interrupted job again; the answer is the new job. */
export function useRetryJob(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/jobs/{id}/retry', { params: { path: { id } } })),
    onSuccess: (job) => keepJob(queryClient, job),
  });
}

/** Each item's outcome of a bulk operation: succeeded, or failed with the error its single-item operation would give. */
export type BulkResult = Schemas['BulkResultDto'];
export type JobBulkAction = Schemas['JobBulkDto']['action'];

/** Cancels or retries several jobs in one request; each succeeds or fails on its own (207 when any failed). */
export function useBulkJobs() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { action: JobBulkAction; ids: number[] }) => unwrap(api.POST('/api/v1/jobs/bulk', { body: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: jobKeys.all }),
  });
}

/** A job the server answered with (a new one, or one it changed) is kept for its page, and the job lists are read again. */
export function keepJob(queryClient: ReturnType<typeof useQueryClient>, job: Job): Promise<void> {
  queryClient.setQueryData(jobKeys.detail(job.id), job);
  return queryClient.invalidateQueries({ queryKey: jobKeys.lists });
}

/**
 * A finished job may have changed its repository (a backup adds an archive, a
 * delete removes one) and a cloud sync configuration's last sync, so all are asked again.
 */
export function invalidateAfterJob(queryClient: ReturnType<typeof useQueryClient>): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: jobKeys.lists }),
    queryClient.invalidateQueries({ queryKey: repositoryKeys.all }),
    queryClient.invalidateQueries({ queryKey: archiveKeys.all }),
    queryClient.invalidateQueries({ queryKey: historyKeys.all }),
    queryClient.invalidateQueries({ queryKey: cloudSyncKeys.all }),
  ]);
}
