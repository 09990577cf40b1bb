import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api/errors';
import { FILE_SEARCH_LIMIT, MIN_SEARCH_LENGTH, useFileSearch, type FileHit, type FileSearchResult } from '../../api/search';
import { displayPath, parentPath } from '../../format/archive-path';
import { formatBytes } from '@borgitory/byte-sizes';
import { formatCount, formatCountOf } from '../../format/count';
import { formatDate, formatDateTime, formatShortDateTime, formatTimeOfDay } from '../../format/date-time';
import { browseHref } from '../../paths/browse-location';
import { EntryIcon } from '../../components/entry-icon';
import './search-page.css';

/** Files by name in every repository's indexed archives, grouped by repository, each with its other versions. */
export function SearchPage() {
  const inputId = useId();
  const [params, setParams] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  const [text, setText] = useState(query);
  const search = useFileSearch(query);

  // The address may change the search (back and forward).
  useEffect(() => setText(query), [query]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  }

  return (
    <>
      <h1>Search</h1>
      <p className="page-intro">Find a file by name in the archives of every repository; each backup’s archive is indexed after it.</p>
      <section className="panel file-search" aria-labelledby="file-search-heading">
        <div className="panel__header">
          <h2 id="file-search-heading">Search files</h2>
        </div>
        <form className="file-search__form" role="search" aria-label="Files in all repositories" onSubmit={submit}>
          <div className="field">
            <label htmlFor={inputId}>Name contains</label>
            <input
              id={inputId}
              type="search"
              name="q"
              autoComplete="off"
              spellCheck={false}
              maxLength={200}
              placeholder="report.pdf"
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary" disabled={text.trim().length < MIN_SEARCH_LENGTH}>
            Search
          </button>
        </form>
        {query !== '' && query.length < MIN_SEARCH_LENGTH && (
          <p className="file-search__summary" role="status">
            Type at least {MIN_SEARCH_LENGTH} characters.
          </p>
        )}
        {query.length >= MIN_SEARCH_LENGTH &&
          (search.isPending ? (
            <p className="file-search__summary" role="status">
              Searching…
            </p>
          ) : search.isError ? (
            <p className="alert alert--error file-search__summary" role="alert">
              {errorMessage(search.error)}
            </p>
          ) : (
            <SearchResults query={query} result={search.data} busy={search.isFetching} />
          ))}
      </section>
    </>
  );
}

function SearchResults({ query, result, busy }: { query: string; result: FileSearchResult; busy: boolean }) {
  const searchedArchives = result.repositories.reduce((sum, repository) => sum + repository.searched_archives, 0);
  const notIndexed = result.repositories.reduce((sum, repository) => sum + repository.not_indexed, 0);
  const shown = result.hits.length;
  return (
    <div aria-busy={busy}>
      <p className="file-search__summary" role="status">
        {result.total === 0
          ? `No file or directory name contains “${query}” in ${formatCountOf(searchedArchives, 'indexed archive')}.`
          : `${result.total > shown ? `The first ${formatCount(shown)} of ${formatCount(result.total)}` : formatCount(result.total)} ${
              result.total === 1 ? 'match' : 'matches'
            } in ${formatCountOf(searchedArchives, 'indexed archive')} of ${formatCountOf(result.repositories.length, 'repository', 'repositories')}.`}
        {result.truncated && ' Some archives hold more: make the search more precise.'}
      </p>
      {notIndexed > 0 && (
        <p className="alert alert--warning file-search__note">
          {formatCountOf(notIndexed, 'archive is', 'archives are')} not indexed and {notIndexed === 1 ? 'was' : 'were'} not searched.
          Opening an archive indexes it.
        </p>
      )}
      {groupByRepository(result.hits).map(({ repository, hits }) => (
        <section key={repository.id} className="file-search__repository" aria-label={repository.name}>
          <h3>
            <Link to={`/repositories/${repository.id}/archives`}>{repository.name}</Link>{' '}
            <span className="muted">{formatCountOf(hits.length, 'match', 'matches')}</span>
          </h3>
          <FileHits hits={hits} caption={`Matches in ${repository.name}`} />
        </section>
      ))}
      {result.total > FILE_SEARCH_LIMIT && <p className="muted">Only the first {formatCount(FILE_SEARCH_LIMIT)} are shown.</p>}
    </div>
  );
}

function groupByRepository(hits: FileHit[]): Array<{ repository: FileHit['repository']; hits: FileHit[] }> {
  const groups: Array<{ repository: FileHit['repository']; hits: FileHit[] }> = [];
  for (const hit of hits) {
    const last = groups.at(-1);
    if (last?.repository.id === hit.repository.id) last.hits.push(hit);
    else groups.push({ repository: hit.repository, hits: [hit] });
  }
  return groups;
}

function FileHits({ hits, caption }: { hits: FileHit[]; caption: string }) {
  return (
    <div className="table-scroll file-search__results">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Path</th>
            <th scope="col">Newest archive</th>
            <th scope="col" className="numeric">
              Size
            </th>
            <th scope="col">Modified</th>
            <th scope="col">Other versions</th>
          </tr>
        </thead>
        <tbody>
          {hits.map((hit) => {
            const folder = hit.type === 'directory' ? hit.path : parentPath(hit.path);
            const start = new Date(hit.archive_start);
            return (
              <tr key={hit.path}>
                <td className="file-search__path">
                  <EntryIcon type={hit.type} />
                  <Link
                    to={browseHref(hit.repository.id, hit.archive_name, { path: folder })}
                    title={hit.type === 'directory' ? 'Open this folder' : 'Open the folder that holds it'}
                  >
                    {displayPath(hit.path)}
                  </Link>
                </td>
                <td>
                  <span className="nowrap">{hit.archive_name}</span>
                  <time className="file-search__archive" dateTime={hit.archive_start} title={formatDateTime(start)}>
                    {formatDate(start)} {formatTimeOfDay(start)}
                  </time>
                </td>
                <td className="numeric">{formatBytes(hit.size)}</td>
                <td className="nowrap">{hit.mtime ? formatShortDateTime(new Date(hit.mtime)) : '—'}</td>
                <td>
                  {hit.versions.length === 0 ? (
                    <span className="muted">none</span>
                  ) : (
                    <ul className="file-search__versions">
                      {hit.versions.map((version) => (
                        <li key={version.archive_name}>
                          <Link to={browseHref(hit.repository.id, version.archive_name, { path: folder })}>{version.archive_name}</Link>{' '}
                          <span className="muted">{formatBytes(version.size)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
