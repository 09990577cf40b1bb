import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../../util/use-document-title';

export function RepositoryNotFound() {
  useDocumentTitle('Repository not found');
  return (
    <>
      <h1>Repository not found</h1>
      <p className="page-intro">
        There is no such repository; it may have been removed. Go back to the <Link to="/repositories">list of repositories</Link>.
      </p>
    </>
  );
}
