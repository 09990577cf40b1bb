import { assessExpectations, describeMissed, duration, ExpectationInput, ScheduleExpectation } from './expectations';

const HOUR = 60 * 60 * 1000;
const at = (iso: string) => new Date(iso);

function nightly(overrides: Partial<ScheduleExpectation> = {}): ScheduleExpectation {
  return {
    id: 4,
    name: 'Nightly',
    cronExpression: '0 2 * * *',
    timezone: 'UTC',
    activeSince: at('2026-01-01T00:00:00Z'),
    running: false,
    ...overrides,
  };
}

function input(overrides: Partial<ExpectationInput>): ExpectationInput {
  return {
    now: at('2026-03-10T12:00:00Z'),
    createdAt: at('2026-01-01T00:00:00Z'),
    newestArchiveAt: null,
    maxAgeHours: null,
    schedules: [],
    ...overrides,
  };
}

describe('assessExpectations', () => {
  it('expects nothing without max_age_hours and enabled schedules', () => {
    expect(assessExpectations(input({}))).toEqual({ overdue: false, overdueSince: null, expectedBy: null, unmet: [], expectation: null });
  });

  describe('max_age_hours', () => {
    it('is met while the newest archive is younger, and due when it reaches that age', () => {
      const newest = at('2026-03-09T13:00:00Z');
      const met = assessExpectations(input({ newestArchiveAt: newest, maxAgeHours: 24 }));
      expect(met).toMatchObject({ overdue: false, overdueSince: null, expectedBy: at('2026-03-10T13:00:00Z') });
      expect(met.expectation).toBe('An archive at least every 24 hours');

      const due = assessExpectations(input({ now: at('2026-03-10T13:00:00Z'), newestArchiveAt: newest, maxAgeHours: 24 }));
      expect(due).toMatchObject({ overdue: true, overdueSince: at('2026-03-10T13:00:00Z') });
      expect(due.unmet).toEqual([{ kind: 'max_age', schedule: null, after: newest, dueAt: at('2026-03-10T13:00:00Z') }]);
    });

    it('counts from the repository being added while it has no archive', () => {
      const created = at('2026-03-10T10:00:00Z');
      expect(assessExpectations(input({ createdAt: created, maxAgeHours: 1 }))).toMatchObject({
        overdue: true,
        overdueSince: at('2026-03-10T11:00:00Z'),
      });
      expect(assessExpectations(input({ createdAt: created, maxAgeHours: 3 }))).toMatchObject({
        overdue: false,
        expectedBy: at('2026-03-10T13:00:00Z'),
      });
      expect(assessExpectations(input({ maxAgeHours: 1 })).expectation).toBe('An archive at least every hour');
    });
  });

  describe('schedules', () => {
    it('expects an archive after the last run, once the grace period has passed', () => {
      const yesterday = at('2026-03-09T02:00:07Z');
      const within = assessExpectations(input({ now: at('2026-03-10T02:59:59Z'), newestArchiveAt: yesterday, schedules: [nightly()] }));
      expect(within).toMatchObject({ overdue: false, expectedBy: at('2026-03-10T03:00:00Z') });
      expect(within.expectation).toBe('One after each run of schedule "Nightly" (At 02:00), within 1 hour');

      const late = assessExpectations(input({ now: at('2026-03-10T03:00:00Z'), newestArchiveAt: yesterday, schedules: [nightly()] }));
      expect(late).toMatchObject({ overdue: true, overdueSince: at('2026-03-10T03:00:00Z') });
      expect(late.unmet[0]).toEqual({
        kind: 'schedule',
        schedule: { id: 4, name: 'Nightly' },
        after: at('2026-03-10T02:00:00Z'),
        dueAt: at('2026-03-10T03:00:00Z'),
      });
    });

    it('is met by an archive made at or after the run, and then expects one after the next run', () => {
      for (const newest of ['2026-03-10T02:00:00Z', '2026-03-10T02:41:00Z']) {
        expect(assessExpectations(input({ newestArchiveAt: at(newest), schedules: [nightly()] }))).toMatchObject({
          overdue: false,
          expectedBy: at('2026-03-11T03:00:00Z'),
        });
      }
    });

    it('is overdue since the first run it missed, however many followed', () => {
      const result = assessExpectations(input({ newestArchiveAt: at('2026-03-07T02:05:00Z'), schedules: [nightly()] }));
      expect(result).toMatchObject({ overdue: true, overdueSince: at('2026-03-08T03:00:00Z') });
    });

    it('counts only runs due after the schedule was created, switched on or given other times', () => {
      const schedule = nightly({ activeSince: at('2026-03-10T02:30:00Z') });
      expect(assessExpectations(input({ schedules: [schedule] }))).toMatchObject({
        overdue: false,
        expectedBy: at('2026-03-11T03:00:00Z'),
      });
      expect(assessExpectations(input({ now: at('2026-03-11T03:00:00Z'), schedules: [schedule] }))).toMatchObject({
        overdue: true,
        overdueSince: at('2026-03-11T03:00:00Z'),
      });
    });

    it('reads the run times in the schedule time zone', () => {
      const berlin = nightly({ timezone: 'Europe/Berlin' });
      const result = assessExpectations(input({ newestArchiveAt: at('2026-03-09T02:00:00Z'), schedules: [berlin] }));
      // 02:00 in Berlin is 01:00 UTC in March (before the change to summer time).
      expect(result).toMatchObject({ overdue: true, overdueSince: at('2026-03-10T02:00:00Z') });
    });

    it('takes the grace period given', () => {
      const newest = at('2026-03-09T02:00:07Z');
      const now = at('2026-03-10T02:20:00Z');
      expect(assessExpectations(input({ now, newestArchiveAt: newest, schedules: [nightly()], graceMs: 15 * 60_000 }))).toMatchObject({
        overdue: true,
        overdueSince: at('2026-03-10T02:15:00Z'),
      });
      expect(assessExpectations(input({ now, newestArchiveAt: newest, schedules: [nightly()] })).overdue).toBe(false);
    });

    it('does not count a passed deadline while a run of the schedule is queued or running', () => {
      const result = assessExpectations(input({ newestArchiveAt: at('2026-03-09T02:00:07Z'), schedules: [nightly({ running: true })] }));
      expect(result).toMatchObject({ overdue: false, overdueSince: null, expectedBy: null });
      expect(result.expectation).toBe('One after each run of schedule "Nightly" (At 02:00), within 1 hour');
    });

    it('leaves out a schedule whose times cannot be read', () => {
      const broken = nightly({ cronExpression: '0 0 30 2 *' });
      expect(assessExpectations(input({ schedules: [broken] }))).toMatchObject({ overdue: false, expectation: null });
    });
  });

  it('is overdue when any expectation is unmet, since the earliest', () => {
    const hourly = nightly({ id: 5, name: 'Hourly', cronExpression: '0 * * * *' });
    const result = assessExpectations(
      input({ newestArchiveAt: at('2026-03-10T09:30:00Z'), maxAgeHours: 24, schedules: [nightly(), hourly] }),
    );
    expect(result.overdue).toBe(true);
    expect(result.overdueSince).toEqual(at('2026-03-10T11:00:00Z'));
    expect(result.unmet.map((deadline) => deadline.schedule?.name)).toEqual(['Hourly']);
    expect(result.expectedBy).toEqual(at('2026-03-10T11:00:00Z'));
    expect(result.expectation).toBe(
      'An archive at least every 24 hours; one after each run of schedule "Nightly" (At 02:00), within 1 hour; ' +
        'one after each run of schedule "Hourly" (Every hour), within 1 hour',
    );
  });
});

describe('describeMissed', () => {
  const now = at('2026-03-10T12:00:00Z');

  it('says how old the newest archive is and what was expected', () => {
    const newest = at('2026-03-09T08:00:00Z');
    const deadline = { kind: 'max_age' as const, schedule: null, after: newest, dueAt: new Date(newest.getTime() + 24 * HOUR) };
    expect(describeMissed(deadline, newest, now)).toBe('its newest archive is 28 hours old, and at most 24 hours is expected');
    expect(describeMissed({ ...deadline, after: at('2026-03-09T11:00:00Z'), dueAt: at('2026-03-10T11:00:00Z') }, null, now)).toBe(
      'it has no archive, and one was expected within 24 hours of adding it',
    );
  });

  it('names the schedule whose run had no archive', () => {
    const deadline = {
      kind: 'schedule' as const,
      schedule: { id: 4, name: 'Nightly' },
      after: at('2026-03-10T02:00:00Z'),
      dueAt: at('2026-03-10T03:00:00Z'),
    };
    expect(describeMissed(deadline, at('2026-03-07T02:00:00Z'), now)).toBe(
      'schedule "Nightly" was due to run at 2026-03-10T02:00:00.000Z and no archive has been made since (its newest archive is 3 days 10 hours old)',
    );
  });
});

describe('duration', () => {
  it('says it in whole units', () => {
    expect(duration(59_999)).toBe('0 minutes');
    expect(duration(60_000)).toBe('1 minute');
    expect(duration(90 * 60_000)).toBe('1 hour');
    expect(duration(47 * HOUR)).toBe('47 hours');
    expect(duration(48 * HOUR)).toBe('2 days');
    expect(duration(75 * HOUR)).toBe('3 days 3 hours');
  });
});
