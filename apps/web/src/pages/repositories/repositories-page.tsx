import { Link } from 'react-router-dom';
import { REPOSITORY_PAGE_SIZE, useRepositories } from '../../api/repositories';
import { PageHeader } from '../../components/page-header';
import { PagedList } from '../../components/paged-list';
import { useOffsetParam } from '../../util/offset-param';
import { RepositoryTable } from './repository-table';
import './repositories.css';

/** The list of repositories, 50 to a page (`?offset=` keeps the page in the address). */
export function RepositoriesPage() {
  const [offset, goTo] = useOffsetParam();
  const repositories = useRepositories(offset);

  return (
    <>
      <PageHeader title="Repositories" intro="The Borg repositories Borgitory backs up to.">
        <Link to="/repositories/new" className="button button--primary">
          New repository
        </Link>
      </PageHeader>

      <PagedList
        query={repositories}
        loading="Loading repositories…"
        empty={<EmptyState />}
        noun="repositories"
        firstPagePath="/repositories"
        label="Repositories"
        offset={offset}
        pageSize={REPOSITORY_PAGE_SIZE}
        onOffsetChange={goTo}
      >
        {(items) => <RepositoryTable repositories={items} />}
      </PagedList>
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
