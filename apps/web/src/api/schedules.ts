import { unwrap, unwrapPage, type Schemas } from '@borgitory/api-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './client';
import { JOB_PAGE_SIZE, jobKeys, keepJob } from './jobs';

export type ScheduleBulkAction = Schemas['ScheduleBulkDto']['action'];

/** A schedule: what to back up where, when (cron in a time zone), what follows, and its next and last run. */
export type Schedule = Schemas['ScheduleDto'];
/** What the form sends on create and update (every field: PUT changes the fields a body gives). */
export type ScheduleInput = Schemas['ScheduleInputDto'];
/** A hook as the schedule keeps it, with its defaults filled in. */
export type ScheduleHook = Schemas['ScheduleHookViewDto'];
/** A post-hook as the form sends it; it may run on failure too. */
export type PostHookInput = Schemas['ScheduleHookDto'];
/** A pre-hook as the form sends it; it runs before anything can fail. */
export type PreHookInput = Schemas['PreHookDto'];

export const SCHEDULE_PAGE_SIZE = 50;

export const scheduleKeys = {
  lists: ['schedules', 'list'] as const,
  list: (offset: number) => ['schedules', 'list', { offset, limit: SCHEDULE_PAGE_SIZE }] as const,
  details: ['schedules', 'detail'] as const,
  detail: (id: number) => ['schedules', 'detail', id] as const,
  preview: (cronExpression: string, timezone: string) => ['schedules', 'preview', cronExpression, timezone] as const,
  // A schedule's runs are a list of jobs: whatever refreshes the job lists refreshes them too.
  runs: (id: number, offset: number) => [...jobKeys.lists, { schedule_id: id, offset, limit: JOB_PAGE_SIZE }] as const,
};

/** One page of schedules, by name; the previous page stays on screen while the next one loads. */
export function useSchedules(offset: number) {
  return useQuery({
    queryKey: scheduleKeys.list(offset),
    queryFn: () => unwrapPage(api.GET('/api/v1/schedules', { params: { query: { limit: SCHEDULE_PAGE_SIZE, offset } } })),
    placeholderData: keepPreviousData,
  });
}

export function useSchedule(id: number) {
  return useQuery({
    queryKey: scheduleKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/schedules/{id}', { params: { path: { id } } })),
  });
}

/** One page of the schedule's runs (jobs), newest first. */
export function useScheduleRuns(id: number, offset: number) {
  return useQuery({
    queryKey: scheduleKeys.runs(id, offset),
    queryFn: () =>
      unwrapPage(api.GET('/api/v1/schedules/{id}/runs', { params: { path: { id }, query: { limit: JOB_PAGE_SIZE, offset } } })),
    placeholderData: keepPreviousData,
  });
}

/**
 * The expression in words and its next five runs in the zone, or the reason
 * it cannot be used (a 422 naming `cron_expression` or `timezone`). An empty
 * zone is the server's. Nothing is asked while the expression is empty.
 */
export function useSchedulePreview(cronExpression: string, timezone: string) {
  const expression = cronExpression.trim();
  const zone = timezone.trim();
  return useQuery({
    queryKey: scheduleKeys.preview(expression, zone),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/schedules/preview', {
          params: { query: { cron_expression: expression, ...(zone ? { timezone: zone } : {}) } },
        }),
      ),
    enabled: expression !== '',
    // The next runs move on with the clock.
    staleTime: 60_000,
  });
}

/**
 * A run of a schedule has started or changed: its last run, in the schedule
 * and in the lists, is asked again (of every schedule when none is named).
 */
export function invalidateLastRun(queryClient: QueryClient, scheduleId?: number): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: scheduleKeys.lists }),
    queryClient.invalidateQueries({
      queryKey: scheduleId === undefined ? scheduleKeys.details : scheduleKeys.detail(scheduleId),
    }),
  ]);
}

/** A schedule as the server saved it: kept as it is, and the lists asked again. */
function refreshSchedule(queryClient: QueryClient, schedule: Schedule): Promise<unknown> {
  queryClient.setQueryData(scheduleKeys.detail(schedule.id), schedule);
  return queryClient.invalidateQueries({ queryKey: scheduleKeys.lists });
}

export function useCreateSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ScheduleInput) => unwrap(api.POST('/api/v1/schedules', { body: input })),
    onSuccess: (schedule) => refreshSchedule(queryClient, schedule),
  });
}

export function useUpdateSchedule(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ScheduleInput) => unwrap(api.PUT('/api/v1/schedules/{id}', { params: { path: { id } }, body: input })),
    onSuccess: (schedule) => refreshSchedule(queryClient, schedule),
  });
}

/** Deletes the schedule; its past runs stay in the job history. */
export function useDeleteSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.DELETE('/api/v1/schedules/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: scheduleKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: scheduleKeys.lists });
    },
  });
}

/**
 * Enables a disabled schedule or disables an enabled one. It settles once the
 * lists have been read again, so that they already show the change.
 */
export function useToggleSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.POST('/api/v1/schedules/{id}/toggle', { params: { path: { id } } })),
    onSuccess: (schedule) => refreshSchedule(queryClient, schedule),
  });
}

/**
 * Runs the schedule now, enabled or not; the answer is the job. While an
 * earlier run is queued or running the server answers 409 with its `job_id`.
 */
export function useRunSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.POST('/api/v1/schedules/{id}/run', { params: { path: { id } } })),
    onSuccess: (job, id) => Promise.all([keepJob(queryClient, job), invalidateLastRun(queryClient, id)]),
  });
}

/** Enables, disables, runs or deletes several schedules in one request; each succeeds or fails on its own. */
export function useBulkSchedules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { action: ScheduleBulkAction; ids: number[] }) => unwrap(api.POST('/api/v1/schedules/bulk', { body: input })),
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: ['schedules'] }), queryClient.invalidateQueries({ queryKey: jobKeys.lists })]),
  });
}
