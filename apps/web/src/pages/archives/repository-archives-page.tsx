import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ARCHIVE_PAGE_SIZE, useArchives, useRefreshArchives, type Archive, type ArchiveOrder } from '../../api/archives';
import { errorMessage } from '../../api/errors';
import type { Job } from '../../api/jobs';
import type { Repository } from '../../api/repositories';
import { PageHeader } from '../../components/page-header';
import { Pagination } from '../../components/pagination';
import { RepositoryLoader } from '../../components/repositories/repository-loader';
import { DateRangeFields } from '../../components/date-range-fields';
import { readDayRange, writeDayRange, type DayRange } from '../../util/day-range';
import { currentSearchParams } from '../../util/current-search-params';
import { parseOffset } from '../../util/offset-param';
import { ArchiveSearch } from './archive-search';
import { ArchiveTable } from './archive-table';
import { DeleteArchiveDialog } from './delete-archive-dialog';
import './archives.css';
import { useRoleAtLeast } from '../../api/roles';
import { useSelection } from '../../components/selection/use-selection';
import { ArchiveBulkBar } from './archive-bulk-bar';

export function RepositoryArchivesPage() {
  return <RepositoryLoader>{(repository) => <RepositoryArchives repository={repository} />}</RepositoryLoader>;
}

interface ListState {
  order: ArchiveOrder;
  offset: number;
  q: string;
  /** The days the archives were made in. */
  days: DayRange;
}

function readListState(params: URLSearchParams): ListState {
  return {
    order: params.get('order') === 'oldest' ? 'oldest' : 'newest',
    offset: parseOffset(params.get('offset')),
    q: (params.get('q') ?? '').trim(),
    days: readDayRange(params),
  };
}

/** What the last delete did: the archive is gone, or its job carries on. */
type Deleted = { name: string; job: Job | null };

/**
 * A repository's archives, 50 to a page, newest (or oldest) first, with a
 * search across the indexed archives and a range of days. The order, page,
 * search and days are kept in the address (`?order=oldest&offset=50&q=report&from=2026-12-01`).
 */
function RepositoryArchives({ repository }: { repository: Repository }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = readListState(searchParams);
  const archives = useArchives(repository.id, state.order, state.offset, state.days);
  const inDays = state.days.from !== undefined || state.days.to !== undefined;
  const refresh = useRefreshArchives(repository.id);
  const operator = useRoleAtLeast('operator');
  const admin = useRoleAtLeast('admin');
  const pageNames = useMemo(() => (admin ? (archives.data?.items.map((archive) => archive.name) ?? []) : []), [admin, archives.data]);
  const selection = useSelection(pageNames);
  const [toDelete, setToDelete] = useState<Archive | null>(null);
  const [deleted, setDeleted] = useState<Deleted | null>(null);

  /** Changes the address; `next` may be a function of the state as the address has it now (see currentSearchParams). */
  function show(next: Partial<ListState> | ((current: ListState) => Partial<ListState>)) {
    const current = readListState(currentSearchParams());
    const change = typeof next === 'function' ? next(current) : next;
    const merged = { ...current, ...change };
    const params: Record<string, string> = {};
    if (merged.order === 'oldest') params['order'] = 'oldest';
    if (merged.offset > 0) params['offset'] = String(merged.offset);
    if (merged.q !== '') params['q'] = merged.q;
    writeDayRange(params, merged.days);
    setSearchParams(params, { replace: change.q === undefined ? false : merged.q === current.q });
  }

  return (
    <>
      <p className="back-link">
        <Link to={`/repositories/${repository.id}`}>← {repository.name}</Link>
      </p>
      <PageHeader
        className="archives-header"
        title="Archives"
        documentTitle={`Archives of ${repository.name}`}
        intro={
          <>
            Every backup of <strong>{repository.name}</strong>. Open an archive to {operator ? 'browse, download or restore' : 'browse'} its
            files.
          </>
        }
      >
        <div className="toolbar" role="group" aria-label="Archive actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setDeleted(null);
              refresh.mutate();
            }}
            disabled={refresh.isPending}
          >
            {refresh.isPending ? 'Reading from borg…' : 'Refresh from borg'}
          </button>
          {operator && (
            <Link to={`/backups?repository_id=${repository.id}`} className="button button--primary">
              Back up now
            </Link>
          )}
        </div>
      </PageHeader>

      {refresh.isError && (
        <p className="alert alert--error page-alert" role="alert">
          {errorMessage(refresh.error)}
        </p>
      )}
      {refresh.isSuccess && (
        <p className="alert alert--success page-alert" role="status">
          The list was read from borg.
        </p>
      )}
      {deleted && (
        <p className="alert alert--success page-alert" role="status">
          {deleted.job ? (
            <>
              Deleting <code className="wrap">{deleted.name}</code> takes a while; it carries on as{' '}
              <Link to={`/jobs/${deleted.job.id}`}>job #{deleted.job.id}</Link>.
            </>
          ) : (
            <>
              The archive <code className="wrap">{deleted.name}</code> was deleted.
            </>
          )}
        </p>
      )}

      <ArchiveSearch repositoryId={repository.id} query={state.q} onSearch={(q) => show({ q })} />

      <div className="archive-filters" role="search" aria-label="Filter archives">
        <DateRangeFields
          legend="Made"
          range={state.days}
          onChange={(update) => show((current) => ({ days: update(current.days), offset: 0 }))}
        />
      </div>

      {admin && <ArchiveBulkBar repositoryId={repository.id} selection={selection} />}

      {archives.isPending ? (
        <p className="panel" role="status">
          Loading archives…
        </p>
      ) : archives.isError ? (
        <p className="alert alert--error page-alert" role="alert">
          {errorMessage(archives.error)}
        </p>
      ) : archives.data.meta.total === 0 && inDays ? (
        <p className="panel">
          No archives were made in these days. <Link to={`/repositories/${repository.id}/archives`}>Show every archive</Link>.
        </p>
      ) : archives.data.meta.total === 0 ? (
        <div className="panel empty-state">
          <h2>No archives yet</h2>
          <p>Each backup of this repository makes an archive. If archives were made outside Borgitory, Refresh from borg reads them.</p>
          {operator && (
            <Link to={`/backups?repository_id=${repository.id}`} className="button button--primary">
              Back up now
            </Link>
          )}
        </div>
      ) : archives.data.items.length === 0 ? (
        <p className="panel">
          There are no archives on this page. <Link to={`/repositories/${repository.id}/archives`}>Go to the first page</Link>.
        </p>
      ) : (
        <div aria-busy={archives.isFetching}>
          <ArchiveTable
            repositoryId={repository.id}
            archives={archives.data.items}
            order={state.order}
            onToggleOrder={() => show({ order: state.order === 'newest' ? 'oldest' : 'newest', offset: 0 })}
            onDelete={(archive) => {
              setDeleted(null);
              setToDelete(archive);
            }}
            selection={admin ? selection : undefined}
          />
          <Pagination
            label="Archives"
            offset={state.offset}
            limit={ARCHIVE_PAGE_SIZE}
            total={archives.data.meta.total}
            onChange={(offset) => show({ offset })}
          />
        </div>
      )}
      <p className="page-footnote">
        Sizes are borg’s: the deduplicated size is what only that archive holds, and changes as other archives come and go. Deleting an
        archive frees its space when the repository is next compacted.
      </p>

      <DeleteArchiveDialog
        repositoryId={repository.id}
        archive={toDelete}
        onClose={() => setToDelete(null)}
        onDeleted={(name, outcome) => {
          setToDelete(null);
          setDeleted({ name, job: outcome.job });
        }}
      />
    </>
  );
}
