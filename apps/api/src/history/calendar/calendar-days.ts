import { DateTime } from 'luxon';

export type CalendarDayState = 'completed' | 'failed' | 'missing' | 'none';

export interface CalendarDay {
  /** YYYY-MM-DD in the calendar's time zone. */
  date: string;
  /** Archives started that day (whoever made them). */
  archives: number;
  /** Backup jobs that failed (or were interrupted) that day. */
  failed: number;
  /** A backup was expected that day: a scheduled run came due, or the newest archive grew older than max_age_hours. */
  expected: boolean;
  /** completed: an archive; failed: no archive but a failed backup; missing: neither although one was expected. */
  state: CalendarDayState;
}

export interface CalendarInput {
  now: Date;
  days: number;
  timeZone: string;
  /** When the repository was added: nothing is expected of it before. */
  createdAt: Date;
  maxAgeHours: number | null;
  /** The newest archive before the first day, if any. */
  archiveBefore: Date | null;
  /** Start times of the archives from the first day on. */
  archiveTimes: Date[];
  failureTimes: Date[];
  /** Times at which an enabled schedule expected an archive (runs due, past their grace). */
  expectedRunTimes: Date[];
}

/** The first instant of each of the last `days` days in the zone, today last, plus the end of today. */
export function dayBoundaries(now: Date, days: number, timeZone: string): DateTime[] {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const bounds: DateTime[] = [];
  for (let offset = days - 1; offset >= -1; offset--) bounds.push(today.minus({ days: offset }));
  return bounds;
}

/**
 * The last `days` days, oldest first, each with what happened and what was expected. A day with no archive is
 * missing when a scheduled run came due on it, or when by its end (or by now, today) the newest archive before it
 * was older than max_age_hours; nothing is expected before the repository was added.
 */
export function calendarDays(input: CalendarInput): CalendarDay[] {
  const bounds = dayBoundaries(input.now, input.days, input.timeZone);
  const starts = bounds.map((bound) => bound.toMillis());
  const count = (times: Date[]): number[] => {
    const perDay = new Array<number>(input.days).fill(0);
    for (const time of times) {
      const day = dayIndex(starts, time.getTime());
      if (day !== null) perDay[day]++;
    }
    return perDay;
  };
  const archives = count(input.archiveTimes);
  const failures = count(input.failureTimes);
  const scheduled = count(input.expectedRunTimes);
  const sortedArchives = [...input.archiveTimes].sort((a, b) => a.getTime() - b.getTime());

  let newest = input.archiveBefore?.getTime() ?? null;
  let next = 0;
  const result: CalendarDay[] = [];
  for (let day = 0; day < input.days; day++) {
    const dayEnd = Math.min(starts[day + 1], input.now.getTime());
    const since = newest ?? input.createdAt.getTime();
    const aged = input.maxAgeHours !== null && dayEnd > input.createdAt.getTime() && dayEnd - since > input.maxAgeHours * 3_600_000;
    const expected = scheduled[day] > 0 || aged;
    while (next < sortedArchives.length && sortedArchives[next].getTime() < starts[day + 1]) newest = sortedArchives[next++].getTime();
    result.push({
      date: bounds[day].toISODate() as string,
      archives: archives[day],
      failed: failures[day],
      expected,
      state: archives[day] > 0 ? 'completed' : failures[day] > 0 ? 'failed' : expected ? 'missing' : 'none',
    });
  }
  return result;
}

/** The day a time falls on (binary search over the day starts), or null outside the calendar. */
function dayIndex(starts: number[], time: number): number | null {
  if (time < starts[0] || time >= starts[starts.length - 1]) return null;
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (starts[middle] <= time) low = middle;
    else high = middle - 1;
  }
  return low;
}
