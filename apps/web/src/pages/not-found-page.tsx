import { Link } from 'react-router-dom';

export function NotFoundPage() {
  return (
    <>
      <h1>Page not found</h1>
      <p className="page-intro">
        There is nothing at this address. Go back to the <Link to="/">Dashboard</Link>.
      </p>
    </>
  );
}
