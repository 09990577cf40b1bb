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
/** The events a channel can subscribe to (all but `test`). */
export const SUBSCRIBABLE_EVENTS = DELIVERY_EVENTS.filter((event): event is EventName => event !== 'test');

/** Events subscribed to, in words: "Every event", every event but a few, "None", or their labels. */
export function eventsInWords(events: readonly EventName[], all: readonly EventName[]): string {
  if (events.length === 0) return 'None (tests only)';
  const missing = all.filter((event) => !events.includes(event));
  if (missing.length === 0) return 'Every event';
  const labels = (names: readonly EventName[]) => names.map((event) => EVENT_LABELS[event]).join(', ');
  return missing.length <= 3 && missing.length < events.length ? `Every event but ${labels(missing)}` : labels(events);
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
