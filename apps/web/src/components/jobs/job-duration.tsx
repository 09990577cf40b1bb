import type { Job } from '../../api/jobs';
import { formatDuration, secondsBetween } from '../../format/duration';
import { useNow } from '../../util/use-now';

/** How long a job ran; a running job's duration counts up in whole seconds. "—" before it starts. */
export function JobDuration({ job }: { job: Pick<Job, 'started_at' | 'finished_at'> }) {
  const running = job.started_at !== null && job.finished_at === null;
  const now = useNow(running);
  if (job.started_at === null) return '—';
  const seconds = Math.max(0, secondsBetween(job.started_at, job.finished_at, now));
  return formatDuration(running ? Math.floor(seconds) : seconds);
}
