import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../../util/use-document-title';

export function JobNotFound() {
  useDocumentTitle('Job not found');
  return (
    <>
      <h1>Job not found</h1>
      <p className="page-intro">
        There is no such job. Go back to the <Link to="/jobs">list of jobs</Link>.
      </p>
    </>
  );
}
