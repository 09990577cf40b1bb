import { Link } from 'react-router-dom';
import type { Archive, ArchiveOrder } from '../../api/archives';
import { PanelTable } from '../../components/panel-table';
import { ActionsHeader } from '../../components/row-actions';
import { formatBytes } from '@borgitory/byte-sizes';
import { formatCount } from '../../format/count';
import { formatDate, formatDateTime, formatTimeOfDay } from '../../format/date-time';
import { formatDuration } from '../../format/duration';
import { archiveHref } from '../../paths/browse-location';
import { SortHeader } from './sort-header';
import { RequiresRole } from '../../components/requires-role';
import { SelectAllCell, SelectRowCell } from '../../components/selection/selection-checkboxes';
import type { Selection } from '../../components/selection/use-selection';

interface ArchiveTableProps {
  repositoryId: number;
  archives: Archive[];
  order: ArchiveOrder;
  onToggleOrder: () => void;
  onDelete: (archive: Archive) => void;
  /** Rows can be ticked for deleting several at once (admins). */
  selection?: Selection<string>;
}

/** One row per archive: its name (which opens it), when it was made, and borg's figures for it. */
export function ArchiveTable({ repositoryId, archives, order, onToggleOrder, onDelete, selection }: ArchiveTableProps) {
  return (
    <PanelTable caption={`Archives, ${order === 'newest' ? 'newest' : 'oldest'} first`} className="archive-table">
      <thead>
        <tr>
          {selection && <SelectAllCell selection={selection} label="Select every archive on this page" />}
          <th scope="col">Name</th>
          <SortHeader label="Date" active order={order === 'newest' ? 'desc' : 'asc'} onSort={onToggleOrder} />
          <th scope="col" className="numeric">
            Duration
          </th>
          <th scope="col" className="numeric">
            Files
          </th>
          <th scope="col" className="numeric">
            Original size
          </th>
          <th scope="col" className="numeric">
            Deduplicated
          </th>
          <ActionsHeader />
        </tr>
      </thead>
      <tbody>
        {archives.map((archive) => {
          const start = new Date(archive.start);
          return (
            <tr key={archive.id} className={selection?.has(archive.name) ? 'is-selected' : undefined}>
              {selection && <SelectRowCell selection={selection} rowKey={archive.name} label={`Select ${archive.name}`} />}
              <th scope="row" className="archive-table__name">
                <Link to={archiveHref(repositoryId, archive.name)}>{archive.name}</Link>
                {archive.comment && <span className="archive-table__comment">{archive.comment}</span>}
              </th>
              <td className="archive-table__date">
                <time dateTime={archive.start} title={formatDateTime(start)}>
                  {formatDate(start)}
                  <span className="archive-table__time">{formatTimeOfDay(start)}</span>
                </time>
              </td>
              <td className="numeric">{orDash(archive.duration_seconds, formatDuration)}</td>
              <td className="numeric">{orDash(archive.file_count, formatCount)}</td>
              <td className="numeric">{orDash(archive.original_size, formatBytes)}</td>
              <td className="numeric">{orDash(archive.deduplicated_size, formatBytes)}</td>
              <td className="actions-cell">
                <Link
                  to={`${archiveHref(repositoryId, archive.name)}/diff`}
                  className="button button--small"
                  aria-label={`Compare ${archive.name}`}
                >
                  Compare
                </Link>
                <RequiresRole atLeast="admin">
                  <button
                    type="button"
                    className="button button--small button--danger-outline button--icon"
                    onClick={() => onDelete(archive)}
                    aria-label={`Delete ${archive.name}`}
                    title="Delete"
                  >
                    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                      <path
                        d="M2.5 4h11M6 4V2.5h4V4M4 4l.75 9.5h6.5L12 4M6.75 6.5v4.5M9.25 6.5v4.5"
                        fill="none"
                        stroke="currentColor"
                        strokeWidth="1.3"
                        strokeLinecap="round"
                        strokeLinejoin="round"
                      />
                    </svg>
                  </button>
                </RequiresRole>
              </td>
            </tr>
          );
        })}
      </tbody>
    </PanelTable>
  );
}

function orDash(value: number | null, format: (value: number) => string): string {
  return value === null ? '—' : format(value);
}
