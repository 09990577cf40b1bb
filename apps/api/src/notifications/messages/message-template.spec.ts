import { BorgitoryEvent } from '../../platform/events/borgitory-event';
import { DEFAULT_BODY, DEFAULT_TITLE, renderTemplate, severityOf, unknownPlaceholders } from './message-template';

const failed: BorgitoryEvent = {
  id: 'e1',
  event: 'backup.failed',
  occurred_at: '2026-12-05T03:00:00.000Z',
  data: {
    summary: 'The backup of "Documents" failed',
    repository: { id: 1, name: 'Documents' },
    schedule: null,
    job: { id: 42, type: 'backup', status: 'failed', url: 'http://nas:8000/jobs/42' },
    error: { code: 'REPOSITORY_NOT_FOUND', message: 'Repository does not exist' },
    figures: {},
  },
};

describe('message templates', () => {
  it('says what and where in the default title, and why with a link in the default body', () => {
    expect(renderTemplate(DEFAULT_TITLE, failed)).toBe('Backup failed: Documents');
    expect(renderTemplate(DEFAULT_BODY, failed)).toBe(
      'The backup of "Documents" failed\nRepository does not exist\nhttp://nas:8000/jobs/42',
    );
  });

  it('leaves out lines whose placeholders are all empty, and separators left dangling', () => {
    const test = {
      event: 'test' as const,
      occurred_at: failed.occurred_at,
      data: { ...failed.data, repository: null, job: null, error: null, summary: 'A test' },
    };
    expect(renderTemplate(DEFAULT_TITLE, test)).toBe('Test notification');
    expect(renderTemplate(DEFAULT_BODY, test)).toBe('A test');
    expect(renderTemplate('- {summary}\nJob {job_id} ({status})', failed)).toBe('- The backup of "Documents" failed\nJob 42 (failed)');
  });

  it('names placeholders that do not exist', () => {
    expect(unknownPlaceholders('{title} {repo} {job_url} {nope}')).toEqual(['repo', 'nope']);
    expect(unknownPlaceholders('plain {title}')).toEqual([]);
  });

  it('maps events to how services show them', () => {
    expect(severityOf('backup.failed')).toBe('failure');
    expect(severityOf('repository.recovered')).toBe('success');
    expect(severityOf('repository.overdue')).toBe('warning');
    expect(severityOf('test')).toBe('info');
  });
});
