import { errorMessage } from '../../api/errors';
import { useJobs } from '../../api/jobs';
import { JobList } from './job-list';

/** The jobs running now; the dashboard's live stream keeps the list current. */
export function RunningJobsPanel({ repositoryName }: { repositoryName: (id: number | null) => string }) {
  const running = useJobs({ status: ['running'] }, 0, 50);
  return (
    <section className="panel" aria-labelledby="running-jobs-heading">
      <div className="panel__header">
        <h2 id="running-jobs-heading">Running jobs</h2>
      </div>
      {running.isPending ? (
        <p className="panel__text muted" role="status">
          Loading…
        </p>
      ) : running.isError ? (
        <p className="alert alert--error" role="alert">
          {errorMessage(running.error)}
        </p>
      ) : running.data.items.length === 0 ? (
        <p className="panel__text muted">No jobs are running.</p>
      ) : (
        <JobList jobs={running.data.items} repositoryName={repositoryName} />
      )}
    </section>
  );
}
