import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../util/use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p className="page-intro">
        There is nothing at this address. Go back to the <Link to="/">Dashboard</Link>.
      </p>
    </>
  );
}
