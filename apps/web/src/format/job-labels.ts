import type { JobStatus, JobStepType } from '../api/jobs';

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

const STATUS_LABELS: Record<JobStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  warning: 'Warning',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

/** "Backup", "Delete archive", … (for steps too: "Hook"). */
export function jobTypeLabel(type: JobStepType): string {
  return TYPE_LABELS[type] ?? type;
}

/** "Running", "Completed", … */
export function jobStatusLabel(status: JobStatus): string {
  return STATUS_LABELS[status] ?? status;
}
