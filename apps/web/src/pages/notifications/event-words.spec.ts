import { eventGroups, eventsInWords, SUBSCRIBABLE_EVENTS } from './event-words';

describe('eventsInWords', () => {
  const all = SUBSCRIBABLE_EVENTS;

  it('says every event, every event but a few, none, or lists them', () => {
    expect(eventsInWords(['backup.failed', 'repository.overdue'], all)).toBe('Backup failed, Backups overdue');
    expect(eventsInWords(all, all)).toBe('Every event');
    expect(eventsInWords(['backup.failed', 'backup.completed'], ['backup.completed', 'backup.failed'])).toBe('Every event');
    expect(eventsInWords(all.slice(1), all)).toBe('Every event but Backup completed');
    expect(eventsInWords([], all)).toBe('None (tests only)');
  });

  it('lists the events when as many are left out as are chosen', () => {
    expect(eventsInWords(['backup.failed'], ['backup.completed', 'backup.failed'])).toBe('Backup failed');
  });
});

describe('eventGroups', () => {
  it('groups backups, other jobs and schedules, and repositories, in that order and keeping the catalog order', () => {
    const event = (name: Parameters<typeof eventsInWords>[0][number]) => ({ name, description: name });
    const groups = eventGroups([
      event('backup.completed'),
      event('repository.overdue'),
      event('job.failed'),
      event('backup.failed'),
      event('schedule.skipped'),
    ]);
    expect(groups.map((group) => [group.legend, group.events.map((e) => e.name)])).toEqual([
      ['Backups', ['backup.completed', 'backup.failed']],
      ['Other jobs and schedules', ['job.failed', 'schedule.skipped']],
      ['Repositories', ['repository.overdue']],
    ]);
  });

  it('leaves out empty groups', () => {
    expect(eventGroups([{ name: 'check.failed', description: '' }]).map((group) => group.legend)).toEqual(['Other jobs and schedules']);
  });
});
