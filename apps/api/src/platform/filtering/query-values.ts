/**
 * A set in the query string, `?status=failed,warning` or `?status=failed&status=warning` (or both), as its items.
 * Anything else (an object from `?status[a]=b`) is left as it came, for the validators to refuse.
 */
export function splitQuerySet(value: unknown): unknown {
  const parts =
    typeof value === 'string' ? [value] : Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;
  if (parts === null) return value;
  return parts.flatMap((part: string) => part.split(',')).map((item) => item.trim());
}

const WHOLE_NUMBER = /^\d+$/;

/** A set of ids: items written in digits become numbers, the others stay text for the integer rule to refuse. */
export function splitQueryIdSet(value: unknown): unknown {
  const items = splitQuerySet(value);
  return Array.isArray(items) ? items.map((item) => (typeof item === 'string' && WHOLE_NUMBER.test(item) ? Number(item) : item)) : items;
}

/** ISO 8601: a date (midnight UTC), or a date and time with seconds optional and a zone (`Z` or `±hh:mm`). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Whether `YYYY-MM-DD` at the start of the text is a day of the calendar (Date rolls 02-30 over into March). */
function isCalendarDay(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A time bound: an ISO 8601 date-time becomes a Date; anything else stays as it came, for IsDate to refuse. */
export function parseQueryTime(value: unknown): unknown {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || !isCalendarDay(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date;
}
