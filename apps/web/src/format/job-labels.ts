import type { JobStatus, JobType } from '../api/jobs';

const TYPE_LABELS: Record<JobType, string> = {
  backup: 'Backup',
  prune: 'Prune',
  compact: 'Compact',
  check: 'Check',
  delete_archive: 'Delete archive',
  restore: 'Restore',
  cloud_sync: 'Cloud sync',
};

const STATUS_LABELS: Record<JobStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  warning: 'Warning',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

/** "Backup", "Delete archive", … */
export function jobTypeLabel(type: JobType): string {
  return TYPE_LABELS[type] ?? type;
}

/** "Running", "Completed", … */
export function jobStatusLabel(status: JobStatus): string {
  return STATUS_LABELS[status] ?? status;
}
