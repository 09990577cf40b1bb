import { startTransition, useId, useOptimistic } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { DIFF_PAGE_SIZE, useArchiveDiff, useArchiveOptions, type Archive, type DiffChange, type DiffEntry } from '../../api/archives';
import { errorMessage } from '../../api/errors';
import type { Repository } from '../../api/repositories';
import { Pagination } from '../../components/pagination';
import { RepositoryLoader } from '../../components/repositories/repository-loader';
import { SelectField } from '../../components/select-field';
import { displayPath, parentPath } from '../../format/archive-path';
import { formatBytes } from '@borgitory/byte-sizes';
import { formatCountOf } from '../../format/count';
import { formatShortDateTime } from '../../format/date-time';
import { archiveHref, browseHref } from '../../paths/browse-location';
import { parseOffset } from '../../util/offset-param';
import { ArchiveNotFound } from './archive-not-found';
import { useArchiveName } from './use-archive-name';
import './archives.css';
import './archive-diff.css';
import { useDocumentTitle } from '../../util/use-document-title';

export function ArchiveDiffPage() {
  return <RepositoryLoader>{(repository) => <DiffRoute repository={repository} />}</RepositoryLoader>;
}

function DiffRoute({ repository }: { repository: Repository }) {
  const archive = useArchiveName();
  if (archive === null) return <ArchiveNotFound repository={repository} />;
  return <ArchiveDiff key={archive} repository={repository} archive={archive} />;
}

/**
 * What changed between this archive and another of the repository (borg
 * diff), from the older to the newer, a page at a time. The other archive,
 * whether only content changes count, and the page are in the address
 * (`?with=…&changes=all&offset=…`).
 */
function ArchiveDiff({ repository, archive }: { repository: Repository; archive: string }) {
  const contentOnlyId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const options = useArchiveOptions(repository.id);
  const archives = options.data?.items ?? [];
  const index = archives.findIndex((candidate) => candidate.name === archive);
  const contentOnly = searchParams.get('changes') !== 'all';
  const [shownContentOnly, setShownContentOnly] = useOptimistic(contentOnly);
  const offset = parseOffset(searchParams.get('offset'));
  // By default the archive before this one (the list is newest first), or else the one after it.
  const fallback = index === -1 ? null : (archives[index + 1] ?? archives[index - 1] ?? null);
  const otherName = searchParams.get('with') ?? fallback?.name ?? null;
  const other = archives.find((candidate) => candidate.name === otherName) ?? null;
  const current = index === -1 ? null : archives[index];
  const [from, to] = direction(archive, current, otherName, other);
  const diff = useArchiveDiff(repository.id, from, to ?? archive, { path: '/', contentOnly, offset });
  useDocumentTitle('Compare archives');

  function show(next: { with?: string; contentOnly?: boolean; offset?: number }) {
    const params: Record<string, string> = {};
    const chosen = next.with ?? otherName;
    if (chosen) params['with'] = chosen;
    if (!(next.contentOnly ?? contentOnly)) params['changes'] = 'all';
    if (next.offset) params['offset'] = String(next.offset);
    setSearchParams(params);
  }

  if (options.isSuccess && index === -1 && options.data.meta.total <= archives.length) {
    return <ArchiveNotFound repository={repository} />;
  }

  return (
    <>
      <p className="back-link">
        <Link to={archiveHref(repository.id, archive)}>← {archive}</Link>
      </p>
      <h1>Compare archives</h1>
      <p className="page-intro">
        What changed between two archives of <strong>{repository.name}</strong>, from the older one to the newer one.
      </p>

      <div className="panel diff-controls">
        {options.isError ? (
          <p className="alert alert--error" role="alert">
            {errorMessage(options.error)}
          </p>
        ) : (
          <>
            <SelectField
              label={`Compare ${archive} with`}
              name="with"
              value={otherName ?? ''}
              disabled={options.isPending || archives.length < 2}
              onChange={(event) => show({ with: event.target.value, offset: 0 })}
            >
              {options.isPending && <option value="">Loading archives…</option>}
              {!options.isPending && otherName === null && <option value="">No other archive</option>}
              {archives
                .filter((candidate) => candidate.name !== archive)
                .map((candidate) => (
                  <option key={candidate.id} value={candidate.name}>
                    {candidate.name} · {formatShortDateTime(new Date(candidate.start))}
                    {current ? (new Date(candidate.start) < new Date(current.start) ? ' (older)' : ' (newer)') : ''}
                  </option>
                ))}
            </SelectField>
            <div className="choice">
              <input
                type="checkbox"
                id={contentOnlyId}
                checked={shownContentOnly}
                onChange={(event) => {
                  const checked = event.target.checked;
                  // The address changes in a transition; meanwhile the box shows what was clicked.
                  startTransition(() => {
                    setShownContentOnly(checked);
                    show({ contentOnly: checked, offset: 0 });
                  });
                }}
              />
              <label htmlFor={contentOnlyId}>
                Content changes only <span className="muted">(leave out changes of mode, owner and times)</span>
              </label>
            </div>
          </>
        )}
      </div>

      {options.isSuccess && archives.length < 2 ? (
        <p className="panel muted">This repository has only one archive: there is nothing to compare it with yet.</p>
      ) : from === null || to === null ? (
        options.isPending ? (
          <p className="panel" role="status">
            Loading archives…
          </p>
        ) : null
      ) : (
        <section className="panel panel--flush diff-results" aria-labelledby="diff-heading" aria-busy={diff.isFetching}>
          <div className="diff-results__header">
            <h2 id="diff-heading">
              Changes from <code>{from}</code> to <code>{to}</code>
            </h2>
            {diff.data && (
              <p className="muted" role="status">
                {formatCountOf(diff.data.meta.total, 'changed path')}
              </p>
            )}
          </div>
          {diff.isPending ? (
            <p className="diff-results__note" role="status">
              Comparing the archives with borg diff…
            </p>
          ) : diff.isError ? (
            <p className="alert alert--error diff-results__note" role="alert">
              {errorMessage(diff.error)}
            </p>
          ) : diff.data.meta.total === 0 ? (
            <p className="diff-results__note">
              {contentOnly ? 'No file content changed between the two archives.' : 'Nothing changed between the two archives.'}
            </p>
          ) : (
            <DiffTable repositoryId={repository.id} from={from} to={to} entries={diff.data.items} stale={diff.isPlaceholderData} />
          )}
        </section>
      )}
      {diff.data && from !== null && (
        <Pagination
          label="Changes"
          offset={offset}
          limit={DIFF_PAGE_SIZE}
          total={diff.data.meta.total}
          onChange={(next) => show({ offset: next })}
        />
      )}
    </>
  );
}

interface DiffTableProps {
  repositoryId: number;
  from: string;
  to: string;
  entries: DiffEntry[];
  stale: boolean;
}

function DiffTable({ repositoryId, from, to, entries, stale }: DiffTableProps) {
  return (
    <div className={`table-scroll${stale ? ' archive-browser__stale' : ''}`}>
      <table className="data-table diff-table">
        <caption className="visually-hidden">Changed paths</caption>
        <thead>
          <tr>
            <th scope="col">Path</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const removed = entry.changes.some((change) => change.type.startsWith('removed'));
            // A removed entry is only in the older archive; anything else is shown in the newer one.
            const archive = removed ? from : to;
            return (
              <tr key={entry.path}>
                <td className="diff-table__path">
                  <Link
                    to={browseHref(repositoryId, archive, { path: parentPath(entry.path) })}
                    title={`Open the folder that holds it in ${archive}`}
                  >
                    {displayPath(entry.path)}
                  </Link>
                </td>
                <td>
                  <ul className="diff-changes">
                    {entry.changes.map((change, i) => (
                      <li key={i} className={`diff-change diff-change--${changeKind(change)}`}>
                        {describe(change)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function changeKind(change: DiffChange): 'added' | 'removed' | 'modified' | 'meta' {
  if (change.type.startsWith('added')) return 'added';
  if (change.type.startsWith('removed')) return 'removed';
  if (change.type === 'modified' || change.type === 'changed link') return 'modified';
  return 'meta';
}

/** borg's change in words: "added, 1.2 KB", "modified, +300 B −120 B", "mode -rw-r--r-- → -rwxr-xr-x". */
function describe(change: DiffChange): string {
  switch (change.type) {
    case 'modified':
      return change.added !== undefined || change.removed !== undefined
        ? `modified, +${formatBytes(change.added ?? 0)} −${formatBytes(change.removed ?? 0)}`
        : 'modified';
    case 'mode':
      return `mode ${change.old_mode ?? '?'} → ${change.new_mode ?? '?'}`;
    case 'owner':
      return `owner ${change.old_user ?? '?'}:${change.old_group ?? '?'} → ${change.new_user ?? '?'}:${change.new_group ?? '?'}`;
    case 'mtime':
    case 'ctime':
      return change.old_time && change.new_time
        ? `${change.type} ${timeChange(change.old_time, change.new_time)}`
        : `${change.type} changed`;
    default:
      return change.size !== undefined && change.size > 0 ? `${change.type}, ${formatBytes(change.size)}` : change.type;
  }
}

const secondsFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** "26 Nov 2026, 18:00:05 → 18:03:10": times to the second (they often differ by less than a minute), the date once if it is the same. */
function timeChange(from: string, to: string): string {
  const old = new Date(from);
  const now = new Date(to);
  if (Number.isNaN(old.getTime()) || Number.isNaN(now.getTime())) return `${from} → ${to}`;
  const sameDay = old.toDateString() === now.toDateString();
  return `${secondsFormat.format(old)} → ${sameDay ? timeFormat.format(now) : secondsFormat.format(now)}`;
}

/** Older first: [from, to]. Without both archives' dates, the other archive is taken as the older. */
function direction(name: string, current: Archive | null, otherName: string | null, other: Archive | null): [string | null, string | null] {
  if (otherName === null) return [null, null];
  if (current && other && new Date(other.start) > new Date(current.start)) return [name, otherName];
  return [otherName, name];
}
