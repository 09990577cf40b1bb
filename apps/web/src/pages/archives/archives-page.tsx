import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/errors';
import { useRepositoryOptions } from '../../api/repositories';
import { PanelTable } from '../../components/panel-table';
import { RelativeTime } from '../../components/relative-time';
import { formatCount } from '../../format/count';
import './archives.css';
import { useDocumentTitle } from '../../util/use-document-title';
import { RequiresRole } from '../../components/requires-role';

/** "Archives" in the navigation: archives belong to a repository, so this page leads to each repository's list. */
export function ArchivesPage() {
  const repositories = useRepositoryOptions();

  useDocumentTitle('Archives');
  return (
    <>
      <h1>Archives</h1>
      <p className="page-intro">
        Each backup is an archive in its repository. Choose a repository to browse, compare, search and restore its archives.
      </p>

      {repositories.isPending ? (
        <p className="panel" role="status">
          Loading repositories…
        </p>
      ) : repositories.isError ? (
        <p className="alert alert--error page-alert" role="alert">
          {errorMessage(repositories.error)}
        </p>
      ) : repositories.data.items.length === 0 ? (
        <p className="panel muted">
          There are no repositories yet.
          <RequiresRole atLeast="admin">
            {' '}
            <Link to="/repositories/new">Add a repository</Link> and back up to it first.
          </RequiresRole>
        </p>
      ) : (
        <PanelTable caption="Repositories and their archives">
          <thead>
            <tr>
              <th scope="col">Repository</th>
              <th scope="col" className="numeric">
                Archives
              </th>
              <th scope="col">Last backup</th>
            </tr>
          </thead>
          <tbody>
            {repositories.data.items.map((repository) => (
              <tr key={repository.id}>
                <th scope="row">
                  <Link to={`/repositories/${repository.id}/archives`}>{repository.name}</Link>
                </th>
                <td className="numeric">{repository.archives_count === null ? '—' : formatCount(repository.archives_count)}</td>
                <td>
                  <RelativeTime value={repository.last_archive_at} />
                </td>
              </tr>
            ))}
          </tbody>
        </PanelTable>
      )}
    </>
  );
}
