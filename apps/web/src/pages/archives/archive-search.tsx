import { useEffect, useState } from 'react';
import { SEARCH_LIMIT, useArchiveSearch, useIndexAllArchives, type SearchHit } from '../../api/archives';
import { errorMessage } from '../../api/errors';
import { formatBytes } from '@borgitory/byte-sizes';
import { formatCount, formatCountOf } from '../../format/count';
import { formatShortDateTime } from '../../format/date-time';
import { HitArchiveCell, HitPathCell } from '../../components/search-hit-cells';
import { NameSearchForm } from '../../components/name-search-form';
import { useRoleAtLeast } from '../../api/roles';

interface ArchiveSearchProps {
  repositoryId: number;
  /** The search shown (kept in the address); empty for none. */
  query: string;
  onSearch: (query: string) => void;
}

/** While archives are being indexed for search, the results are asked for again this often. */
const INDEXING_REFRESH_MS = 2000;

/** Finds files and directories by name in every archive of the repository that has been indexed. */
export function ArchiveSearch({ repositoryId, query, onSearch }: ArchiveSearchProps) {
  const [indexing, setIndexing] = useState(false);
  const search = useArchiveSearch(repositoryId, query, indexing ? INDEXING_REFRESH_MS : false);
  const indexAll = useIndexAllArchives(repositoryId);
  const mayIndex = useRoleAtLeast('operator');
  const unindexed = search.data?.unindexed_archives;

  useEffect(() => {
    if (indexing && unindexed === 0) setIndexing(false);
  }, [indexing, unindexed]);

  return (
    <section className="panel archive-search" aria-labelledby="search-heading">
      <div className="panel__header">
        <h2 id="search-heading">Search files</h2>
      </div>
      <NameSearchForm label="Files in the archives" query={query} onSearch={onSearch} maxLength={255} clearable />

      {query !== '' &&
        (search.isPending ? (
          <p className="archive-search__summary" role="status">
            Searching…
          </p>
        ) : search.isError ? (
          <p className="alert alert--error archive-search__summary" role="alert">
            {errorMessage(search.error)}
          </p>
        ) : (
          <div aria-busy={search.isFetching}>
            <p className="archive-search__summary" role="status">
              {search.data.hits.length === 0
                ? `No file or directory name contains “${query}” in ${formatCountOf(search.data.searched_archives, 'indexed archive')}.`
                : `${search.data.truncated ? `The first ${formatCount(SEARCH_LIMIT)}` : formatCount(search.data.hits.length)} ${
                    search.data.hits.length === 1 ? 'match' : 'matches'
                  } in ${formatCountOf(search.data.searched_archives, 'indexed archive')}, newest archive first.`}
              {search.data.truncated && ' There are more: make the search more precise.'}
            </p>
            {search.data.unindexed_archives > 0 && (
              <div className="alert alert--warning archive-search__note">
                <p>
                  {formatCountOf(search.data.unindexed_archives, 'archive is', 'archives are')} not indexed yet and{' '}
                  {search.data.unindexed_archives === 1 ? 'was' : 'were'} not searched. Opening an archive indexes it.
                </p>
                {indexing || indexAll.isPending ? (
                  <span role="status">Indexing… the results follow as archives are done.</span>
                ) : (
                  mayIndex && (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => indexAll.mutate(undefined, { onSuccess: () => setIndexing(true) })}
                    >
                      Index {search.data.unindexed_archives === 1 ? 'it' : 'them'} now
                    </button>
                  )
                )}
                {indexAll.isError && <p role="alert">{errorMessage(indexAll.error)}</p>}
              </div>
            )}
            {search.data.hits.length > 0 && <SearchHits repositoryId={repositoryId} hits={search.data.hits} />}
          </div>
        ))}
    </section>
  );
}

function SearchHits({ repositoryId, hits }: { repositoryId: number; hits: SearchHit[] }) {
  return (
    <div className="table-scroll archive-search__results">
      <table className="data-table data-table--stacked">
        <caption className="visually-hidden">Search results</caption>
        <thead>
          <tr>
            <th scope="col">Path</th>
            <th scope="col">Archive</th>
            <th scope="col" className="numeric">
              Size
            </th>
            <th scope="col">Modified</th>
          </tr>
        </thead>
        <tbody>
          {hits.map((hit) => {
            return (
              <tr key={`${hit.archive_name}\u0000${hit.path}`}>
                <HitPathCell repositoryId={repositoryId} hit={hit} />
                <HitArchiveCell hit={hit} label="Archive" />
                <td className="numeric" data-label="Size">
                  {formatBytes(hit.size)}
                </td>
                <td className="nowrap" data-label="Modified">
                  {hit.mtime ? formatShortDateTime(new Date(hit.mtime)) : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
