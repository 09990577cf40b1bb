/** The events Borgitory publishes; their names are stable (channels subscribe to them, receivers switch on them). */
export const EVENT_DESCRIPTIONS = {
  'backup.completed': 'A backup finished without problems',
  'backup.warning': 'A backup finished, but borg warned (files it could not read, for one)',
  'backup.failed': 'A backup failed',
  'job.failed': 'Any other job failed (restore, delete, compact)',
  'check.failed': 'A check failed or found problems in a repository',
  'prune.failed': 'A prune failed',
  'cloud_sync.failed': 'A cloud sync failed',
  'schedule.skipped': 'A scheduled run was skipped because its previous run was still going',
  'repository.overdue': 'A repository has no archive as recent as expected',
  'repository.recovered': 'An overdue repository has a recent archive again',
  'repository.unreachable': 'A repository could not be reached to read its archives',
  'repository.low_space': 'The file system holding a local repository is running out of space',
} as const;

export type EventName = keyof typeof EVENT_DESCRIPTIONS;

export const EVENT_NAMES = Object.keys(EVENT_DESCRIPTIONS) as EventName[];
