import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/errors';
import { JOB_PAGE_SIZE, type Job } from '../../../api/jobs';
import { useScheduleRuns } from '../../../api/schedules';
import { JobOutcomeCells } from '../../../components/jobs/job-outcome-cells';
import { Pagination } from '../../../components/pagination';

/** The schedule's runs, newest first, 50 to a page: how each was started, how it went and what it made. */
export function ScheduleRunsPanel({ scheduleId, scheduleName }: { scheduleId: number; scheduleName: string }) {
  const [offset, setOffset] = useState(0);
  const runs = useScheduleRuns(scheduleId, offset);
  return (
    <section className="panel" aria-labelledby="runs-heading">
      <div className="panel__header">
        <h2 id="runs-heading">Runs</h2>
      </div>
      {runs.isPending ? (
        <p role="status">Loading the runs…</p>
      ) : runs.isError ? (
        <p className="alert alert--error" role="alert">
          {errorMessage(runs.error)}
        </p>
      ) : runs.data.meta.total === 0 ? (
        <p className="muted">It has not run yet.</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table runs-table">
              <caption className="visually-hidden">Runs of {scheduleName}</caption>
              <thead>
                <tr>
                  <th scope="col">Job</th>
                  <th scope="col">Started by</th>
                  <th scope="col">Status</th>
                  <th scope="col">Started</th>
                  <th scope="col" className="numeric">
                    Duration
                  </th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {runs.data.items.map((job) => (
                  <RunRow key={job.id} job={job} />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            label={`Runs of ${scheduleName}`}
            offset={offset}
            limit={JOB_PAGE_SIZE}
            total={runs.data.meta.total}
            onChange={setOffset}
          />
        </>
      )}
    </section>
  );
}

function RunRow({ job }: { job: Job }) {
  return (
    <tr>
      <th scope="row">
        <Link to={`/jobs/${job.id}`}>#{job.id}</Link>
      </th>
      <td>{job.trigger === 'schedule' ? 'Its timer' : job.trigger === 'retry' ? `Retry of #${job.retry_of_id}` : 'Run now'}</td>
      <JobOutcomeCells job={job} />
    </tr>
  );
}
