import type { JobStatus, JobStepStatus } from '../../api/jobs';
import { jobStatusLabel } from '../../format/job-labels';
import './job-status-badge.css';

const TONES: Record<JobStatus | JobStepStatus, string> = {
  queued: 'neutral',
  pending: 'neutral',
  running: 'running',
  completed: 'ok',
  warning: 'warning',
  failed: 'error',
  cancelled: 'neutral',
  interrupted: 'error',
  skipped: 'neutral',
};

/** A job's (or a step's) status as a coloured badge; a running job's badge has a pulsing dot. */
export function JobStatusBadge({ status }: { status: JobStatus | JobStepStatus }) {
  return <span className={`badge job-status job-status--${TONES[status] ?? 'neutral'}`}>{jobStatusLabel(status)}</span>;
}
