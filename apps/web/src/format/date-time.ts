const STEPS: { unit: Intl.RelativeTimeFormatUnit; seconds: number }[] = [
  { unit: 'year', seconds: 365 * 24 * 3600 },
  { unit: 'month', seconds: 30 * 24 * 3600 },
  { unit: 'week', seconds: 7 * 24 * 3600 },
  { unit: 'day', seconds: 24 * 3600 },
  { unit: 'hour', seconds: 3600 },
  { unit: 'minute', seconds: 60 },
];

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'always' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

/** "3 hours ago", "in 2 days", or "just now" within a minute either way. */
export function formatRelativeTime(date: Date, now: Date = new Date()): string {
  const seconds = (date.getTime() - now.getTime()) / 1000;
  for (const step of STEPS) {
    if (Math.abs(seconds) >= step.seconds) {
      return relativeFormat.format(Math.trunc(seconds / step.seconds), step.unit);
    }
  }
  return 'just now';
}

/** The full local date and time, e.g. "Thursday, 26 November 2026 at 18:00:00 CET". */
export function formatDateTime(date: Date): string {
  return fullFormat.format(date);
}

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  // Not `hour12: false`: US English then counts the first hour of the day as 24.
  hourCycle: 'h23',
});

/** The local time of day with seconds, e.g. "18:00:05" (for log lines). */
export function formatTimeOfDay(date: Date): string {
  return timeFormat.format(date);
}

const shortFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The local date and time in a table cell, e.g. "26 Nov 2026, 18:00". */
export function formatShortDateTime(date: Date): string {
  return shortFormat.format(date);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** The local date alone, e.g. "26 Nov 2026". */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}
