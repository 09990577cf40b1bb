import { CronTime } from 'cron';
import cronstrue from 'cronstrue';
import { DateTime, IANAZone } from 'luxon';

export const CRON_FIELDS = 5;

export type CronCheck = { ok: true; cron: CronTime } | { ok: false; field: 'cron_expression' | 'timezone'; reason: string };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** February counts 29: a 29 February fires in leap years. */
const LONGEST_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The server's own time zone, the default of a schedule. */
export function serverTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * A 5-field cron expression (minute hour day-of-month month day-of-week) in an IANA time zone. Times follow the
 * zone's wall clock across DST changes: a time that does not exist that day (spring forward) runs at the first
 * minute after the gap, and a time that happens twice (fall back) runs once. An expression is valid only if it has a
 * next run: "0 0 30 2 *" parses, but a timer for it cannot be set.
 */
export function parseCron(expression: string, timeZone: string): CronCheck {
  if (!IANAZone.isValidZone(timeZone))
    return { ok: false, field: 'timezone', reason: `"${timeZone}" is not an IANA time zone (e.g. Europe/Berlin)` };
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== CRON_FIELDS) {
    return {
      ok: false,
      field: 'cron_expression',
      reason: `A cron expression has ${CRON_FIELDS} fields (minute hour day-of-month month day-of-week); this one has ${fields.length}`,
    };
  }
  let cron: CronTime;
  try {
    cron = new CronTime(fields.join(' '), timeZone);
  } catch (error) {
    return { ok: false, field: 'cron_expression', reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    // What a timer does when it starts: the cron library throws when it finds no run in the next 8 years.
    cron.sendAt();
  } catch {
    return { ok: false, field: 'cron_expression', reason: neverFires(cron) };
  }
  return { ok: true, cron };
}

/**
 * Up to `count` run times after `from`, as ISO strings with the zone's offset. Fewer when the cron library's horizon
 * (8 years from now) comes first: 29 February has two runs in it.
 */
export function nextRuns(cron: CronTime, timeZone: string, count: number, from: Date = new Date()): string[] {
  const runs: string[] = [];
  let at: DateTime = DateTime.fromJSDate(from, { zone: timeZone });
  for (let i = 0; i < count; i++) {
    try {
      at = cron.getNextDateFrom(at, timeZone);
    } catch {
      break;
    }
    runs.push(at.toISO() as string);
  }
  return runs;
}

/** "At 02:00", "Every 15 minutes, between 08:00 and 18:59, Monday through Friday"; the expression itself if it cannot be read. */
export function describeCron(expression: string): string {
  try {
    return cronstrue.toString(expression, { use24HourTimeFormat: true, verbose: false });
  } catch {
    return expression;
  }
}

/**
 * Why an expression that parses has no run. With any day of the week allowed, only days of the month count (with some
 * weekdays chosen, cron runs on those too, so it always fires): the days chosen exist in none of the months chosen.
 */
function neverFires(cron: CronTime): string {
  const [, , , days, months] = cron.toJSON();
  const dates = values(months, 12).flatMap((month) => values(days, 31).map((day) => ({ day, month })));
  const impossible = dates.every(({ day, month }) => day > LONGEST_MONTH[month - 1]);
  if (!impossible || dates.length > 6) return 'never fires: the cron library finds no run in the next 8 years';
  const names = dates.map(({ day, month }) => `${day} ${MONTHS[month - 1]}`);
  return `never fires: ${listed(names)} ${names.length === 1 ? 'does' : 'do'} not exist`;
}

/** The numbers of a field as the cron library writes it back ("*" or "4,6,9,11"). */
function values(field: string, all: number): number[] {
  return field === '*' ? Array.from({ length: all }, (_, index) => index + 1) : field.split(',').map(Number);
}

function listed(items: string[]): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
