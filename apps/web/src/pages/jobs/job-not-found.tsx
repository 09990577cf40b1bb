import { Link } from 'react-router-dom';

export function JobNotFound() {
  return (
    <>
      <h1>Job not found</h1>
      <p className="page-intro">
        There is no such job. Go back to the <Link to="/jobs">list of jobs</Link>.
      </p>
    </>
  );
}
