import type { JobStatus } from '../api/jobs';
import { jobStatusLabel } from '../format/job-labels';
import './job-status-badge.css';

const TONES: Record<JobStatus, string> = {
  queued: 'neutral',
  running: 'running',
  completed: 'ok',
  warning: 'warning',
  failed: 'error',
  cancelled: 'neutral',
  interrupted: 'error',
};

/** A job's status as a coloured badge; a running job's badge has a pulsing dot. */
export function JobStatusBadge({ status }: { status: JobStatus }) {
  return <span className={`badge job-status job-status--${TONES[status] ?? 'neutral'}`}>{jobStatusLabel(status)}</span>;
}
