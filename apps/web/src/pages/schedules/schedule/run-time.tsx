import { formatDateTime, formatRelativeTime } from '../../../format/date-time';
import { formatInZone } from '../../../format/zoned-date-time';

interface RunTimeProps {
  /** An ISO date-time with the zone's offset, as the API gives a run's time. */
  value: string;
  /** The schedule's zone: the time is said on its clock. */
  timeZone: string;
  /** Without the year, for a table cell. */
  short?: boolean;
}

/** When a schedule runs: the date and time on its zone's clock, and how far off that is ("in 3 hours"). */
export function RunTime({ value, timeZone, short = false }: RunTimeProps) {
  const date = new Date(value);
  return (
    <span className="run-time">
      <time dateTime={value} title={formatDateTime(date)}>
        {formatInZone(date, timeZone, { year: !short })}
      </time>{' '}
      <span className="run-time__relative">{formatRelativeTime(date)}</span>
    </span>
  );
}
