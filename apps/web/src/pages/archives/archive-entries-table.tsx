import { hasUndecodableBytes } from '@borgitory/api-client/byte-path';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import type { BrowseParams, BrowseSort } from '../../api/archive-keys';
import { archiveDownloadUrl } from '../../api/archive-urls';
import type { ArchiveEntry, ArchiveEntryType } from '../../api/archives';
import { displayPath } from '../../format/archive-path';
import { formatBytes } from '@borgitory/byte-sizes';
import { formatDateTime, formatShortDateTime } from '../../format/date-time';
import { browseHref, defaultOrder } from '../../paths/browse-location';
import { EntryIcon } from '../../components/entry-icon';
import { SortHeader } from './sort-header';

interface ArchiveEntriesTableProps {
  repositoryId: number;
  archive: string;
  params: BrowseParams;
  entries: ArchiveEntry[];
  /** Paths of the selected entries. */
  selected: ReadonlySet<string>;
  onSelect: (entries: ArchiveEntry[], selected: boolean) => void;
  /** Whether the user may download and restore: only then are there checkboxes and Download buttons. */
  operable: boolean;
  onSort: (sort: BrowseSort, order: BrowseParams['order']) => void;
}

const TYPE_LABELS: Partial<Record<ArchiveEntryType, string>> = {
  symlink: 'symlink',
  hardlink: 'hard link',
  fifo: 'fifo',
  char_device: 'character device',
  block_device: 'block device',
  socket: 'socket',
  other: 'other',
};

/** The entries of one directory of an archive: folders open, files and folders download, any can be selected to restore. */
export function ArchiveEntriesTable({
  repositoryId,
  archive,
  params,
  entries,
  selected,
  onSelect,
  operable,
  onSort,
}: ArchiveEntriesTableProps) {
  const selectedHere = entries.filter((entry) => selected.has(entry.path)).length;
  const all = entries.length > 0 && selectedHere === entries.length;
  const allRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = selectedHere > 0 && !all;
  }, [selectedHere, all]);

  function sortBy(sort: BrowseSort) {
    onSort(sort, sort === params.sort ? (params.order === 'asc' ? 'desc' : 'asc') : defaultOrder(sort));
  }

  return (
    <div className="table-scroll">
      <table className="data-table entries-table">
        <caption className="visually-hidden">Contents of {displayPath(params.path)}</caption>
        <thead>
          <tr>
            {operable && (
              <th scope="col" className="entries-table__select">
                <input
                  ref={allRef}
                  type="checkbox"
                  aria-label="Select everything on this page"
                  checked={all}
                  disabled={entries.length === 0}
                  onChange={(event) => onSelect(entries, event.target.checked)}
                />
              </th>
            )}
            <SortHeader label="Name" active={params.sort === 'name'} order={params.order} onSort={() => sortBy('name')} />
            <SortHeader label="Size" numeric active={params.sort === 'size'} order={params.order} onSort={() => sortBy('size')} />
            <SortHeader label="Modified" active={params.sort === 'mtime'} order={params.order} onSort={() => sortBy('mtime')} />
            {operable && (
              <th scope="col" className="actions-cell">
                <span className="visually-hidden">Download</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const name = displayPath(entry.name);
            const isSelected = selected.has(entry.path);
            return (
              <tr key={entry.path} className={isSelected ? 'entries-table__row--selected' : undefined}>
                {operable && (
                  <td className="entries-table__select">
                    <input
                      type="checkbox"
                      aria-label={`Select ${name}`}
                      checked={isSelected}
                      onChange={(event) => onSelect([entry], event.target.checked)}
                    />
                  </td>
                )}
                <th scope="row" className="entries-table__name">
                  <EntryIcon type={entry.type} />
                  {entry.type === 'directory' ? (
                    <Link to={browseHref(repositoryId, archive, { path: entry.path, sort: params.sort, order: params.order })}>{name}</Link>
                  ) : (
                    <span>{name}</span>
                  )}
                  {hasUndecodableBytes(entry.name) && (
                    <span
                      className="badge badge--neutral entries-table__badge"
                      title="This name holds bytes that are not UTF-8; each is shown as �. Download and restore keep the exact name."
                    >
                      not UTF-8
                    </span>
                  )}
                  {TYPE_LABELS[entry.type] && <span className="badge badge--neutral entries-table__badge">{TYPE_LABELS[entry.type]}</span>}
                  {!entry.healthy && (
                    <span
                      className="badge badge--error entries-table__badge"
                      title="borg check replaced lost parts of this file with zeros"
                    >
                      damaged
                    </span>
                  )}
                  {entry.link_target && (
                    <span className="entries-table__link-target">
                      {entry.type === 'symlink' ? '→ ' : 'same data as '}
                      <code>{displayPath(entry.link_target)}</code>
                    </span>
                  )}
                </th>
                <td className="numeric">
                  {entry.type === 'file' || entry.type === 'hardlink' || entry.type === 'directory' ? formatBytes(entry.size) : '—'}
                </td>
                <td className="nowrap">
                  {entry.mtime ? (
                    <time dateTime={entry.mtime} title={formatDateTime(new Date(entry.mtime))}>
                      {formatShortDateTime(new Date(entry.mtime))}
                    </time>
                  ) : (
                    '—'
                  )}
                </td>
                {operable && (
                  <td className="actions-cell">
                    {(entry.type === 'file' || entry.type === 'hardlink' || entry.type === 'directory') && (
                      <a
                        className="button button--small"
                        href={archiveDownloadUrl(repositoryId, archive, entry.path)}
                        download
                        aria-label={entry.type === 'directory' ? `Download ${name} as a tar file` : `Download ${name}`}
                        title={entry.type === 'directory' ? 'Download this folder as a tar file' : undefined}
                      >
                        {entry.type === 'directory' ? 'Download .tar' : 'Download'}
                      </a>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
