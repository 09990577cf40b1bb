import type { DeliveryEventName, EventName, NotificationCatalog } from '../../api/notifications';

/** Each event in a few words, for lists and filters. */
export const EVENT_LABELS: Record<DeliveryEventName, string> = {
  'backup.completed': 'Backup completed',
  'backup.warning': 'Backup warned',
  'backup.failed': 'Backup failed',
  'job.failed': 'Other job failed',
  'check.failed': 'Check failed',
  'prune.failed': 'Prune failed',
  'cloud_sync.failed': 'Cloud sync failed',
  'schedule.skipped': 'Scheduled run skipped',
  'repository.overdue': 'Backups overdue',
  'repository.recovered': 'Backups on time again',
  'repository.unreachable': 'Repository unreachable',
  'repository.low_space': 'Low disk space',
  test: 'Test message',
};

export const DELIVERY_EVENTS = Object.keys(EVENT_LABELS) as DeliveryEventName[];

/** Events subscribed to, in words: "Every event", "None", or their labels. */
export function eventsInWords(events: readonly EventName[], all: number): string {
  if (events.length === 0) return 'None (tests only)';
  if (events.length >= all) return 'Every event';
  return events.map((event) => EVENT_LABELS[event]).join(', ');
}

type CatalogEvent = NotificationCatalog['events'][number];

export interface EventGroup {
  legend: string;
  events: CatalogEvent[];
}

const GROUPS = [
  { legend: 'Backups', holds: (name: string) => name.startsWith('backup.') },
  { legend: 'Repositories', holds: (name: string) => name.startsWith('repository.') },
  { legend: 'Other jobs and schedules', holds: () => true },
];

/** The catalog's events in groups for the form's checkboxes: backups, other jobs and schedules, repositories. */
export function eventGroups(events: readonly CatalogEvent[]): EventGroup[] {
  const groups = GROUPS.map((group) => ({ legend: group.legend, events: [] as CatalogEvent[] }));
  for (const event of events) groups[GROUPS.findIndex((group) => group.holds(event.name))].events.push(event);
  // Shown backups, other jobs, then repositories.
  return [groups[0], groups[2], groups[1]].filter((group) => group.events.length > 0);
}
