import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api/errors';
import { REPOSITORY_PAGE_SIZE, useRepositories } from '../../api/repositories';
import { Pagination } from '../../components/pagination';
import { RepositoryTable } from './repository-table';
import './repositories.css';

/** The list of repositories, 50 to a page (`?offset=` keeps the page in the address). */
export function RepositoriesPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const offset = parseOffset(searchParams.get('offset'));
  const repositories = useRepositories(offset);

  function goTo(next: number) {
    setSearchParams(next > 0 ? { offset: String(next) } : {});
  }

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Repositories</h1>
          <p className="page-intro">The Borg repositories Borgitory backs up to.</p>
        </div>
        <Link to="/repositories/new" className="button button--primary">
          New repository
        </Link>
      </div>

      {repositories.isPending ? (
        <p className="panel" role="status">
          Loading repositories…
        </p>
      ) : repositories.isError ? (
        <p className="alert alert--error page-alert" role="alert">
          {errorMessage(repositories.error)}
        </p>
      ) : repositories.data.meta.total === 0 ? (
        <EmptyState />
      ) : repositories.data.items.length === 0 ? (
        <p className="panel">
          There are no repositories on this page. <Link to="/repositories">Go to the first page</Link>.
        </p>
      ) : (
        <>
          <RepositoryTable repositories={repositories.data.items} />
          <Pagination
            label="Repositories"
            offset={offset}
            limit={REPOSITORY_PAGE_SIZE}
            total={repositories.data.meta.total}
            onChange={goTo}
          />
        </>
      )}
    </>
  );
}

function EmptyState() {
  return (
    <section className="panel empty-state" aria-labelledby="empty-repositories-heading">
      <h2 id="empty-repositories-heading">No repositories yet</h2>
      <p>
        A repository is where Borg keeps your backups: a directory on this server or on another machine reached over
        ssh. Create a new one, or import a repository you already have.
      </p>
      <Link to="/repositories/new" className="button button--primary">
        Add your first repository
      </Link>
    </section>
  );
}

function parseOffset(value: string | null): number {
  const offset = Number(value);
  return Number.isInteger(offset) && offset > 0 ? offset : 0;
}
