import { ApiRequestError } from '@borgitory/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import type { BrowseParams } from '../../api/archive-keys';
import { archiveKeys, BROWSE_PAGE_SIZE, useArchiveDetails, useArchiveListing, type ArchiveEntry } from '../../api/archives';
import { errorMessage } from '../../api/errors';
import type { Repository } from '../../api/repositories';
import { Pagination } from '../../components/pagination';
import { RepositoryLoader } from '../../components/repositories/repository-loader';
import { displayPath } from '../../format/archive-path';
import { formatCountOf } from '../../format/count';
import { formatDateTime } from '../../format/date-time';
import { archiveHref, browseSearch, parseBrowseSearch } from '../../paths/browse-location';
import { ArchiveBreadcrumbs } from './archive-breadcrumbs';
import { ArchiveDetailsPanel } from './archive-details-panel';
import { ArchiveEntriesTable } from './archive-entries-table';
import { ArchiveNotFound } from './archive-not-found';
import { IndexingProgress } from './indexing-progress';
import { RestoreDialog } from './restore-dialog';
import { useArchiveName } from './use-archive-name';
import './archives.css';
import './archive-browser.css';
import { useDocumentTitle } from '../../util/use-document-title';
import { useRoleAtLeast } from '../../api/roles';

export function ArchiveBrowserPage() {
  return <RepositoryLoader>{(repository) => <ArchiveRoute repository={repository} />}</RepositoryLoader>;
}

function ArchiveRoute({ repository }: { repository: Repository }) {
  const archive = useArchiveName();
  if (archive === null) return <ArchiveNotFound repository={repository} />;
  // Keyed by name: another archive starts with no selection.
  return <ArchiveBrowser key={archive} repository={repository} archive={archive} />;
}

/** The entries chosen for a restore, and the folder they were chosen in (moving elsewhere starts afresh). */
interface Selection {
  folder: string;
  entries: Map<string, ArchiveEntry>;
}

/**
 * One archive, folder by folder: breadcrumbs, a sortable and paged table of
 * entries (from the archive's index, built on first use), and, for an operator,
 * downloads and a restore of the selected entries. The folder, sort and page
 * are in the address.
 */
function ArchiveBrowser({ repository, archive }: { repository: Repository; archive: string }) {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const params = useMemo(() => parseBrowseSearch(location.search), [location.search]);
  const listing = useArchiveListing(repository.id, archive, params);
  const details = useArchiveDetails(repository.id, archive);
  const [selection, setSelection] = useState<Selection>({ folder: params.path, entries: new Map() });
  const [restoring, setRestoring] = useState(false);
  const operable = useRoleAtLeast('operator');

  const selected = useMemo(
    () => (selection.folder === params.path ? selection.entries : new Map<string, ArchiveEntry>()),
    [selection, params.path],
  );
  const selectedPaths = useMemo(() => new Set(selected.keys()), [selected]);
  useDocumentTitle(`${archive} · ${repository.name}`);

  if (details.error instanceof ApiRequestError && details.error.status === 404) {
    return <ArchiveNotFound repository={repository} />;
  }

  function go(next: Partial<BrowseParams>) {
    navigate({ search: browseSearch({ ...params, ...next }) });
  }

  function select(entries: ArchiveEntry[], on: boolean) {
    const next = new Map(selected);
    for (const entry of entries) {
      if (on) next.set(entry.path, entry);
      else next.delete(entry.path);
    }
    setSelection({ folder: params.path, entries: next });
  }

  const data = listing.data;
  const start = details.data ? new Date(details.data.start) : null;

  return (
    <>
      <p className="back-link">
        <Link to={`/repositories/${repository.id}/archives`}>← Archives of {repository.name}</Link>
      </p>
      <div className="page-header archives-header">
        <div className="archive-heading">
          <h1>{archive}</h1>
          <p className="page-intro">
            {start ? <>Made {formatDateTime(start)}</> : 'An archive'} in{' '}
            <Link to={`/repositories/${repository.id}`}>{repository.name}</Link>.
          </p>
        </div>
        <div className="toolbar" role="group" aria-label="Archive actions">
          <Link to={`${archiveHref(repository.id, archive)}/diff`} className="button">
            Compare…
          </Link>
        </div>
      </div>

      <section className="panel panel--flush archive-browser" aria-labelledby="browser-heading">
        <h2 id="browser-heading" className="visually-hidden">
          Files
        </h2>
        <div className="archive-browser__bar">
          <ArchiveBreadcrumbs repositoryId={repository.id} archive={archive} params={params} />
          {operable && (
            <div className="archive-browser__selection">
              <span className="muted" role="status">
                {selected.size > 0 ? `${formatCountOf(selected.size, 'item')} selected` : ''}
              </span>
              {selected.size > 0 && (
                <button type="button" className="button button--small" onClick={() => select([...selected.values()], false)}>
                  Clear selection
                </button>
              )}
              <button
                type="button"
                className="button button--primary button--small"
                disabled={selected.size === 0}
                onClick={() => setRestoring(true)}
              >
                Restore selected…
              </button>
            </div>
          )}
        </div>

        <div className="archive-browser__body" aria-busy={listing.isFetching}>
          {listing.isPending ? (
            <p className="archive-browser__note" role="status">
              Opening the archive…
            </p>
          ) : listing.isError ? (
            <ListingError error={listing.error} repositoryId={repository.id} archive={archive} path={params.path} />
          ) : data?.state === 'indexing' ? (
            <IndexingProgress
              repositoryId={repository.id}
              archive={archive}
              initial={data.index}
              onRetry={() => void queryClient.invalidateQueries({ queryKey: archiveKeys.browseAll(repository.id, archive) })}
            />
          ) : data?.state === 'ready' && data.page.meta.total === 0 ? (
            <p className="archive-browser__note">This folder is empty.</p>
          ) : data?.state === 'ready' && data.page.items.length === 0 ? (
            <p className="archive-browser__note">
              There are no entries on this page. <Link to={{ search: browseSearch({ ...params, offset: 0 }) }}>Go to the first page</Link>.
            </p>
          ) : data?.state === 'ready' ? (
            <div className={listing.isPlaceholderData ? 'archive-browser__stale' : undefined}>
              <ArchiveEntriesTable
                repositoryId={repository.id}
                archive={archive}
                params={params}
                entries={data.page.items}
                selected={selectedPaths}
                onSelect={select}
                operable={operable}
                onSort={(sort, order) => go({ sort, order, offset: 0 })}
              />
            </div>
          ) : null}
        </div>
      </section>
      {data?.state === 'ready' && (
        <Pagination
          label="Folder"
          offset={params.offset}
          limit={BROWSE_PAGE_SIZE}
          total={data.page.meta.total}
          onChange={(offset) => go({ offset })}
        />
      )}

      <ArchiveDetailsPanel details={details} />

      <RestoreDialog
        open={operable && restoring}
        repositoryId={repository.id}
        archive={archive}
        folder={params.path}
        entries={[...selected.values()]}
        onClose={() => setRestoring(false)}
      />
    </>
  );
}

function ListingError({ error, repositoryId, archive, path }: { error: Error; repositoryId: number; archive: string; path: string }) {
  const missing = error instanceof ApiRequestError && (error.status === 404 || error.status === 400) && path !== '/';
  return (
    <div className="alert alert--error archive-browser__note" role="alert">
      <p>{missing ? `${displayPath(path)} is not a folder of this archive.` : errorMessage(error)}</p>
      {missing && (
        <p>
          <Link to={archiveHref(repositoryId, archive)}>Go to the root of the archive</Link>
        </p>
      )}
    </div>
  );
}
