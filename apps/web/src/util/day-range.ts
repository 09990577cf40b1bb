/** A range of whole days in the user's time zone, as `YYYY-MM-DD` (an `<input type="date">`'s value); either end may be open. */
export interface DayRange {
  from?: string;
  to?: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day written `YYYY-MM-DD` that exists, or undefined. */
export function parseDay(value: string | null | undefined): string | undefined {
  const match = value ? DAY.exec(value) : null;
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? (value ?? undefined) : undefined;
}

/** Local midnight at the start of `day`, `days` later. */
function midnight(day: string, days = 0): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + days).toISOString();
}

/**
 * The range as the API's time bounds: from the first day's start (inclusive) to the next day after the last
 * (exclusive), so the last day counts whole.
 */
export function dayRangeBounds(range: DayRange): { created_after?: string; created_before?: string } {
  return {
    ...(range.from ? { created_after: midnight(range.from) } : {}),
    ...(range.to ? { created_before: midnight(range.to, 1) } : {}),
  };
}

/** `?from=&to=` of an address; days that do not exist are left out. */
export function readDayRange(params: URLSearchParams): DayRange {
  const from = parseDay(params.get('from'));
  const to = parseDay(params.get('to'));
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** The range as `from` and `to` search parameters, added to `params`. */
export function writeDayRange(params: Record<string, string>, range: DayRange): void {
  if (range.from) params['from'] = range.from;
  if (range.to) params['to'] = range.to;
}
