import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api/errors';
import { FILE_SEARCH_LIMIT, MIN_SEARCH_LENGTH, useFileSearch, type FileHit, type FileSearchResult } from '../../api/search';
import { formatCount, formatCountOf } from '../../format/count';
import { NameSearchForm } from '../../components/name-search-form';
import { PageHeader } from '../../components/page-header';
import { FileHitsTable } from './file-hits-table';
import './search-page.css';

/** Files by name in every repository's indexed archives, grouped by repository, each with its other versions. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  const search = useFileSearch(query);

  return (
    <>
      <PageHeader
        title="Search"
        intro="Find a file by name in the archives of every repository; each backup’s archive is indexed after it."
      />
      <section className="panel file-search" aria-labelledby="file-search-heading">
        <div className="panel__header">
          <h2 id="file-search-heading">Search files</h2>
        </div>
        <NameSearchForm
          label="Files in all repositories"
          query={query}
          onSearch={(text) => setParams(text ? { q: text } : {})}
          minLength={MIN_SEARCH_LENGTH}
          maxLength={200}
        />
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
          <FileHitsTable hits={hits} caption={`Matches in ${repository.name}`} />
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
