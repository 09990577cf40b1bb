import { Link } from 'react-router-dom';
import type { Repository } from '../../api/repositories';
import { useDocumentTitle } from '../../util/use-document-title';

export function ArchiveNotFound({ repository }: { repository: Repository }) {
  useDocumentTitle('Archive not found');
  return (
    <>
      <h1>Archive not found</h1>
      <p className="page-intro">
        There is no such archive in {repository.name}; it may have been deleted. Go back to the{' '}
        <Link to={`/repositories/${repository.id}/archives`}>list of archives</Link>.
      </p>
    </>
  );
}
