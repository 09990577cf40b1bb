import { CronTime } from 'cron';
import cronstrue from 'cronstrue';
import { DateTime, IANAZone } from 'luxon';

export const CRON_FIELDS = 5;

export type CronCheck = { ok: true; cron: CronTime } | { ok: false; field: 'cron_expression' | 'timezone'; reason: string };

/** The server's own time zone, the default of a schedule. */
export function serverTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * A 5-field cron expression (minute hour day-of-month month day-of-week) in an IANA time zone. Times follow the
 * zone's wall clock across DST changes: a time that does not exist that day (spring forward) runs at the first
 * minute after the gap, and a time that happens twice (fall back) runs once.
 */
export function parseCron(expression: string, timeZone: string): CronCheck {
  if (!IANAZone.isValidZone(timeZone)) return { ok: false, field: 'timezone', reason: `"${timeZone}" is not an IANA time zone (e.g. Europe/Berlin)` };
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== CRON_FIELDS) {
    return {
      ok: false,
      field: 'cron_expression',
      reason: `A cron expression has ${CRON_FIELDS} fields (minute hour day-of-month month day-of-week); this one has ${fields.length}`,
    };
  }
  try {
    return { ok: true, cron: new CronTime(fields.join(' '), timeZone) };
  } catch (error) {
    return { ok: false, field: 'cron_expression', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The next `count` run times after `from`, as ISO strings with the zone's offset. */
export function nextRuns(cron: CronTime, timeZone: string, count: number, from: Date = new Date()): string[] {
  const runs: string[] = [];
  let at: DateTime = DateTime.fromJSDate(from, { zone: timeZone });
  for (let i = 0; i < count; i++) {
    at = cron.getNextDateFrom(at, timeZone);
    runs.push(at.toISO() as string);
  }
  return runs;
}

/** "At 02:00", "Every 15 minutes, between 08:00 and 18:59, Monday through Friday". */
export function describeCron(expression: string): string {
  return cronstrue.toString(expression, { use24HourTimeFormat: true, verbose: false });
}
