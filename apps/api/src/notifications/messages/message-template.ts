import type { BorgitoryEvent } from '../../platform/events/borgitory-event';
import type { EventName } from '../../platform/events/event-names';

export type MessageEvent = EventName | 'test';

const EVENT_TITLES: Record<MessageEvent, string> = {
  'backup.completed': 'Backup completed',
  'backup.warning': 'Backup finished with warnings',
  'backup.failed': 'Backup failed',
  'job.failed': 'Job failed',
  'check.failed': 'Check failed',
  'prune.failed': 'Prune failed',
  'cloud_sync.failed': 'Cloud sync failed',
  'schedule.skipped': 'Scheduled run skipped',
  'repository.overdue': 'Backup overdue',
  'repository.recovered': 'Backups back on time',
  'repository.unreachable': 'Repository unreachable',
  'repository.low_space': 'Low disk space',
  test: 'Test notification',
};

export const PLACEHOLDERS: Record<string, string> = {
  title: 'What happened, in a few words ("Backup failed")',
  event: 'The event’s name (backup.failed)',
  summary: 'One sentence saying what happened and where',
  repository: 'The repository’s name',
  schedule: 'The schedule’s name',
  status: 'The job’s status',
  job_id: 'The job’s number',
  job_url: 'The address of the job’s page',
  error: 'The error message',
  error_code: 'The error code (BORG_ERROR)',
  occurred_at: 'When it happened (ISO 8601, UTC)',
};

export const DEFAULT_TITLE = '{title}: {repository}';
export const DEFAULT_BODY = '{summary}\n{error}\n{job_url}';

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** Placeholders a template uses that do not exist; empty when it is fine. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]).filter((name) => !(name in PLACEHOLDERS));
}

/** Apprise's notification type: the colour or icon services show. */
export function severityOf(event: MessageEvent): 'info' | 'success' | 'warning' | 'failure' {
  if (event === 'test') return 'info';
  if (event === 'backup.completed' || event === 'repository.recovered') return 'success';
  if (event.endsWith('.failed')) return 'failure';
  return 'warning';
}

/**
 * Fills a template. A line whose placeholders all came out empty is left out; on a line where some did, separators
 * left dangling at its ends go (": " after a title with no repository).
 */
export function renderTemplate(
  template: string,
  event: { event: MessageEvent; occurred_at: string; data: BorgitoryEvent['data'] },
): string {
  const { data } = event;
  const values: Record<string, string> = {
    title: EVENT_TITLES[event.event],
    event: event.event,
    summary: data.summary,
    repository: data.repository?.name ?? '',
    schedule: data.schedule?.name ?? '',
    status: data.job?.status ?? '',
    job_id: data.job ? String(data.job.id) : '',
    job_url: data.job?.url ?? '',
    error: data.error?.message ?? '',
    error_code: data.error?.code ?? '',
    occurred_at: event.occurred_at,
  };
  return template
    .split('\n')
    .flatMap((line) => {
      const names = [...line.matchAll(PLACEHOLDER)].map((match) => match[1]);
      const rendered = line.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
      if (names.length > 0 && names.every((name) => !values[name])) return [];
      if (names.some((name) => !values[name])) return [rendered.replace(/[\s:·—-]+$/, '').replace(/^[:·—-]+\s*/, '')];
      return [rendered];
    })
    .join('\n')
    .trim();
}
