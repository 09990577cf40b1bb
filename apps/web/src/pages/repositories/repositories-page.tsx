import { Link } from 'react-router-dom';
import { REPOSITORY_PAGE_SIZE, useRepositories } from '../../api/repositories';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { PagedList } from '../../components/paged-list';
import { useOffsetParam } from '../../util/offset-param';
import { RepositoryTable } from './repository-table';
import './repositories.css';
import { RequiresRole } from '../../components/requires-role';

/** The list of repositories, 50 to a page (`?offset=` keeps the page in the address). */
export function RepositoriesPage() {
  const [offset, goTo] = useOffsetParam();
  const repositories = useRepositories(offset);

  return (
    <>
      <PageHeader title="Repositories" intro="The Borg repositories Borgitory backs up to.">
        <RequiresRole atLeast="admin">
          <Link to="/repositories/new" className="button button--primary">
            New repository
          </Link>
        </RequiresRole>
      </PageHeader>

      <PagedList
        query={repositories}
        loading="Loading repositories…"
        empty={
          <EmptyState title="No repositories yet" actionPath="/repositories/new" actionLabel="Add your first repository" actionRole="admin">
            A repository is where Borg keeps your backups: a directory on this server or on another machine reached over ssh. Create a new
            one, or import a repository you already have.
          </EmptyState>
        }
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
