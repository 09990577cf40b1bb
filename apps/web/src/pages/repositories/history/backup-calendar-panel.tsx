import { useState } from 'react';
import { useBackupCalendar, type BackupCalendar, type CalendarDay } from '../../../api/history';
import { errorMessage } from '../../../api/errors';
import { formatCountOf } from '../../../format/count';
import { calendarWeeks, dayLabel, STATE_WORDS } from './calendar-weeks';
import './history.css';

const DAYS = 90;

/** The last 90 days, a square each, a column a week: completed, failed and missing backups at a glance; or as a table. */
export function BackupCalendarPanel({ repositoryId }: { repositoryId: number }) {
  const calendar = useBackupCalendar(repositoryId, DAYS);
  const [asTable, setAsTable] = useState(false);
  const data = calendar.data;
  return (
    <section className="panel backup-calendar" aria-labelledby="calendar-heading">
      <div className="panel__header">
        <h2 id="calendar-heading">Backups, last {DAYS} days</h2>
        {data && (
          <button type="button" className="button button--small" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            Show as table
          </button>
        )}
      </div>
      {calendar.isError ? (
        <p className="alert alert--error" role="alert">
          {errorMessage(calendar.error)}
        </p>
      ) : !data ? (
        <p className="muted">Loading the calendar…</p>
      ) : (
        <>
          <p className="backup-calendar__totals">
            {formatCountOf(data.totals.completed, 'day')} with a backup, {formatCountOf(data.totals.failed, 'day')} failed,{' '}
            {formatCountOf(data.totals.missing, 'day')} missing
          </p>
          {asTable ? <CalendarTable days={data.days} /> : <CalendarGrid calendar={data} />}
        </>
      )}
    </section>
  );
}

function CalendarGrid({ calendar }: { calendar: BackupCalendar }) {
  const weeks = calendarWeeks(calendar.days);
  const first = calendar.days[0];
  const last = calendar.days[calendar.days.length - 1];
  return (
    <>
      {/* The squares are for the eye; the totals above and the table say the same in words. */}
      <div className="backup-calendar__grid" aria-hidden="true">
        {weeks.map((week, column) => (
          <div key={column} className="backup-calendar__week">
            {week.map((day, row) =>
              day ? (
                <span
                  key={day.date}
                  className={`backup-calendar__day backup-calendar__day--${day.state}`}
                  title={dayLabel(day)}
                  data-date={day.date}
                />
              ) : (
                <span key={`empty-${row}`} className="backup-calendar__day backup-calendar__day--outside" />
              ),
            )}
          </div>
        ))}
      </div>
      <p className="backup-calendar__range muted">
        {first.date} to {last.date} ({calendar.time_zone}), a column a week from Monday
      </p>
      <ul className="backup-calendar__legend" aria-hidden="true">
        {(['completed', 'failed', 'missing', 'none'] as const).map((state) => (
          <li key={state}>
            <span className={`backup-calendar__day backup-calendar__day--${state}`} /> {STATE_WORDS[state]}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Every day on which something happened or was expected, newest first. */
function CalendarTable({ days }: { days: CalendarDay[] }) {
  const listed = days.filter((day) => day.state !== 'none').reverse();
  if (listed.length === 0) return <p className="muted">No backup was made or expected in these days.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table backup-calendar__table">
        <caption className="visually-hidden">Days with a backup, a failed backup or a missing one, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">State</th>
            <th scope="col" className="numeric">
              Archives
            </th>
            <th scope="col" className="numeric">
              Failed backups
            </th>
          </tr>
        </thead>
        <tbody>
          {listed.map((day) => (
            <tr key={day.date}>
              <th scope="row">{day.date}</th>
              <td>{STATE_WORDS[day.state]}</td>
              <td className="numeric">{day.archives}</td>
              <td className="numeric">{day.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
