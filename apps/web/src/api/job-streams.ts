import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { throttle } from '../util/throttle';
import { archiveKeys } from './archive-keys';
import { authKeys } from './auth';
import { cloudSyncKeys } from './cloud-sync-keys';
import { useEventSource } from './event-source';
import { invalidateAfterJob, jobKeys, type Job, type JobLogLine, type JobProgress } from './jobs';
import { repositoryKeys } from './repositories';
import { invalidateLastRun } from './schedules';

/** Job lists are fetched again at most this often while status events come in. */
const LIST_REFRESH_MS = 1000;

interface JobStreamHandlers {
  onLog: (line: JobLogLine) => void;
  /** The job has finished; the stream is over. */
  onDone: (job: Job) => void;
}

/**
 * Follows one unfinished job over `/api/v1/jobs/{id}/stream`: status and progress
 * update the cached job, log lines go to `onLog`. The server ends the stream
 * after `done`, and so does the hook. Keep `enabled` until `onDone`, so that
 * no event between the final status and `done` is lost.
 */
export function useJobStream(id: number, enabled: boolean, { onLog, onDone }: JobStreamHandlers): void {
  const queryClient = useQueryClient();
  useEventSource(
    enabled ? `/api/v1/jobs/${id}/stream` : null,
    {
      status: (data) => {
        const job = data as Job;
        // Status events may come without the progress that the progress events keep up to date.
        queryClient.setQueryData<Job>(jobKeys.detail(id), (old) => ({
          ...job,
          progress: job.progress ?? (job.status === 'running' ? (old?.progress ?? null) : null),
        }));
      },
      progress: (data) => {
        const progress = data as JobProgress;
        queryClient.setQueryData<Job>(jobKeys.detail(id), (old) => (old ? { ...old, progress } : old));
      },
      log: (data) => onLog(data as JobLogLine),
      done: (data) => {
        const job = data as Job;
        queryClient.setQueryData<Job>(jobKeys.detail(id), job);
        void invalidateAfterJob(queryClient);
        if (job.schedule_id !== null) void invalidateLastRun(queryClient, job.schedule_id);
        onDone(job);
      },
    },
    {
      closeOn: 'done',
      // The stream could not be opened again: read the job and the session afresh.
      onFailure: () => {
        void queryClient.invalidateQueries({ queryKey: jobKeys.detail(id) });
        void queryClient.invalidateQueries({ queryKey: authKeys.status });
      },
    },
  );
}

/**
 * Keeps every job list on screen current, and the schedules' last runs (and last syncs):
 * `/api/v1/jobs/stream` sends a status event whenever any job changes, and the
 * lists are fetched again, at most once a second however many events come.
 */
export function useLiveJobLists(): void {
  const queryClient = useQueryClient();
  const refresh = useMemo(
    () =>
      throttle(() => {
        void queryClient.invalidateQueries({ queryKey: jobKeys.lists });
      }, LIST_REFRESH_MS),
    [queryClient],
  );
  const refreshSchedules = useMemo(() => throttle(() => void invalidateLastRun(queryClient), LIST_REFRESH_MS), [queryClient]);
  useEffect(
    () => () => {
      refresh.cancel();
      refreshSchedules.cancel();
    },
    [refresh, refreshSchedules],
  );

  useEventSource(
    '/api/v1/jobs/stream',
    {
      status: (data) => {
        const job = data as Job;
        // A job that has just finished may have changed its repository's figures and archives, and a last sync.
        if (job.finished_at !== null) {
          void queryClient.invalidateQueries({ queryKey: repositoryKeys.all });
          void queryClient.invalidateQueries({ queryKey: archiveKeys.all });
          void queryClient.invalidateQueries({ queryKey: cloudSyncKeys.all });
        }
        if (job.schedule_id !== null) refreshSchedules();
        refresh();
      },
    },
    { onFailure: () => void queryClient.invalidateQueries({ queryKey: authKeys.status }) },
  );
}
