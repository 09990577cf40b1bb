import { calendarDays, CalendarInput, dayBoundaries } from './calendar-days';

const at = (iso: string) => new Date(iso);

const base: CalendarInput = {
  now: at('2026-11-10T12:00:00Z'),
  days: 5,
  timeZone: 'UTC',
  createdAt: at('2026-10-01T00:00:00Z'),
  maxAgeHours: null,
  archiveBefore: null,
  archiveTimes: [],
  failureTimes: [],
  expectedRunTimes: [],
};

describe('dayBoundaries', () => {
  it('starts each day at midnight in the zone, today last, and ends with tomorrow', () => {
    const bounds = dayBoundaries(at('2026-11-10T01:30:00Z'), 2, 'Europe/Berlin').map((bound) => bound.toUTC().toISO());
    expect(bounds).toEqual(['2026-11-08T23:00:00.000Z', '2026-11-09T23:00:00.000Z', '2026-11-10T23:00:00.000Z']);
  });

  it('follows a daylight saving change: that day has 23 hours', () => {
    const bounds = dayBoundaries(at('2026-03-30T12:00:00Z'), 2, 'Europe/Berlin').map((bound) => bound.toMillis());
    expect((bounds[1] - bounds[0]) / 3_600_000).toBe(23);
  });
});

describe('calendarDays', () => {
  it('marks days with an archive completed and days with only a failed backup failed', () => {
    const days = calendarDays({
      ...base,
      archiveTimes: [at('2026-11-06T02:00:00Z'), at('2026-11-06T14:00:00Z'), at('2026-11-08T02:00:00Z')],
      failureTimes: [at('2026-11-07T02:00:00Z'), at('2026-11-08T01:00:00Z'), at('2026-11-01T02:00:00Z')],
    });
    expect(days.map((day) => [day.date, day.state, day.archives, day.failed])).toEqual([
      ['2026-11-06', 'completed', 2, 0],
      ['2026-11-07', 'failed', 0, 1],
      ['2026-11-08', 'completed', 1, 1],
      ['2026-11-09', 'none', 0, 0],
      ['2026-11-10', 'none', 0, 0],
    ]);
  });

  it('counts days in the given time zone', () => {
    // 23:30 UTC on the 8th is already the 9th in Berlin.
    const days = calendarDays({ ...base, timeZone: 'Europe/Berlin', archiveTimes: [at('2026-11-08T23:30:00Z')] });
    expect(days.find((day) => day.archives === 1)?.date).toBe('2026-11-09');
  });

  it('marks a day missing when a scheduled run came due on it and no archive came', () => {
    const days = calendarDays({
      ...base,
      archiveTimes: [at('2026-11-06T02:05:00Z')],
      expectedRunTimes: [at('2026-11-06T02:00:00Z'), at('2026-11-07T02:00:00Z'), at('2026-11-09T02:00:00Z')],
    });
    expect(days.map((day) => day.state)).toEqual(['completed', 'missing', 'none', 'missing', 'none']);
    expect(days[0].expected).toBe(true);
  });

  it('marks days missing once the newest archive is older than max_age_hours, until an archive comes', () => {
    const days = calendarDays({
      ...base,
      maxAgeHours: 48,
      archiveBefore: at('2026-11-05T12:00:00Z'),
      archiveTimes: [at('2026-11-08T10:00:00Z')],
    });
    // The archive of the 5th is 36 h old when the 6th ends, 60 h when the 7th does; the 8th's is 38 h old when the
    // 9th ends, and 50 h old now, at noon on the 10th.
    expect(days.map((day) => day.state)).toEqual(['none', 'missing', 'completed', 'none', 'missing']);
  });

  it('expects nothing before the repository was added', () => {
    const days = calendarDays({ ...base, maxAgeHours: 24, createdAt: at('2026-11-09T08:00:00Z') });
    expect(days.map((day) => day.state)).toEqual(['none', 'none', 'none', 'none', 'missing']);
  });
});
