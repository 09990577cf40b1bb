import { eventGroups, eventsInWords } from './event-words';

describe('eventsInWords', () => {
  it('says every event, none, or lists them', () => {
    expect(eventsInWords(['backup.failed', 'repository.overdue'], 12)).toBe('Backup failed, Backups overdue');
    expect(eventsInWords(['backup.failed'], 1)).toBe('Every event');
    expect(eventsInWords([], 12)).toBe('None (tests only)');
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
