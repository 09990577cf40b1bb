import { formatDateTime, formatRelativeTime } from '../format/date-time';

interface RelativeTimeProps {
  /** An ISO 8601 date-time from the API, or null when there is none. */
  value: string | null;
  /** What to say when there is no date. */
  fallback?: string;
}

/** A time as "3 hours ago", with the full local date and time in its title. */
export function RelativeTime({ value, fallback = 'never' }: RelativeTimeProps) {
  const date = value === null ? null : new Date(value);
  if (date === null || Number.isNaN(date.getTime())) return fallback;
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)}>
      {formatRelativeTime(date)}
    </time>
  );
}
