import { Link } from 'react-router-dom';
import type { AuditEntry } from '../../api/audit';
import { formatShortDateTime, formatDateTime } from '../../format/date-time';
import { AuditOutcomeBadge } from './audit-outcome-badge';
import { describeTarget } from './audit-target';

interface AuditTableProps {
  entries: AuditEntry[];
  /** Where the log narrowed to one action is. */
  actionPath: (action: string) => string;
}

/** One row per recorded request, newest first; on a narrow screen each row is a card. */
export function AuditTable({ entries, actionPath }: AuditTableProps) {
  return (
    <div className="table-scroll panel panel--flush">
      <table className="data-table data-table--stacked audit-table">
        <caption className="visually-hidden">Audit log</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">User</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">From</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const at = new Date(entry.occurred_at);
            const target = describeTarget(entry.target);
            return (
              <tr key={entry.id}>
                <th scope="row" className="nowrap">
                  <time dateTime={entry.occurred_at} title={formatDateTime(at)}>
                    {formatShortDateTime(at)}
                  </time>
                </th>
                <td data-label="User">{who(entry)}</td>
                <td data-label="Action">
                  <Link className="audit-action" to={actionPath(entry.action)} title="Show only this action">
                    {entry.action}
                  </Link>
                </td>
                <td className="audit-target" data-label="Target">
                  {target ?? <span className="muted">—</span>}
                </td>
                <td data-label="From">{entry.address}</td>
                <td data-label="Outcome">
                  <AuditOutcomeBadge outcome={entry.outcome} status={entry.status} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Who made the request: the user (as named then), the API key, or nobody signed in. */
function who(entry: AuditEntry) {
  const key = entry.api_key_id === null ? '' : ` (API key #${entry.api_key_id})`;
  if (entry.user_id === null) {
    return <span className="muted">{entry.username ? `${entry.username}, not signed in` : 'Not signed in'}</span>;
  }
  return `${entry.username ?? `User #${entry.user_id}`}${key}`;
}
