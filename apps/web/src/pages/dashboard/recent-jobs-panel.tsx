import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/errors';
import { useJobs } from '../../api/jobs';
import { JobList } from './job-list';
import { RequiresRole } from '../../components/requires-role';

const RECENT_JOBS = 10;

/** The last ten jobs, whatever their status. */
export function RecentJobsPanel({ repositoryName }: { repositoryName: (id: number | null) => string }) {
  const recent = useJobs({}, 0, RECENT_JOBS);
  return (
    <section className="panel" aria-labelledby="recent-jobs-heading">
      <div className="panel__header">
        <h2 id="recent-jobs-heading">Recent jobs</h2>
        <Link to="/jobs">All jobs</Link>
      </div>
      {recent.isPending ? (
        <p className="panel__text muted" role="status">
          Loading…
        </p>
      ) : recent.isError ? (
        <p className="alert alert--error" role="alert">
          {errorMessage(recent.error)}
        </p>
      ) : recent.data.items.length === 0 ? (
        <p className="panel__text muted">
          No jobs have run yet.
          <RequiresRole atLeast="operator">
            {' '}
            <Link to="/backups">Start a backup</Link>.
          </RequiresRole>
        </p>
      ) : (
        <JobList jobs={recent.data.items} repositoryName={repositoryName} withSummary />
      )}
    </section>
  );
}
