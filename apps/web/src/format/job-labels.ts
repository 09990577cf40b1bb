import type { JobStepType } from '@borgitory/job-states';
import type { JobStatus, JobStepStatus } from '../api/jobs';

const TYPE_LABELS: Record<JobStepType, string> = {
  backup: 'Backup',
  prune: 'Prune',
  compact: 'Compact',
  check: 'Check',
  delete_archive: 'Delete archive',
  restore: 'Restore',
  cloud_sync: 'Cloud sync',
  hook: 'Hook',
};

const STATUS_LABELS: Record<JobStatus | JobStepStatus, string> = {
  queued: 'Queued',
  pending: 'Pending',
  running: 'Running',
  completed: 'Completed',
  warning: 'Warning',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
  skipped: 'Skipped',
};

/** "Backup", "Delete archive", … (for steps too: "Hook"). */
export function jobTypeLabel(type: JobStepType): string {
  return TYPE_LABELS[type] ?? type;
}

/** "Running", "Completed", … (for steps too: "Pending", "Skipped"). */
export function jobStatusLabel(status: JobStatus | JobStepStatus): string {
  return STATUS_LABELS[status] ?? status;
}
