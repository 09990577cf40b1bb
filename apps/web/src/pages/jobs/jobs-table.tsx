import { Link } from 'react-router-dom';
import type { Job } from '../../api/jobs';
import { JobOutcomeCells } from '../../components/jobs/job-outcome-cells';
import { PanelTable } from '../../components/panel-table';
import { jobTypeLabel } from '../../format/job-labels';

interface JobsTableProps {
  jobs: Job[];
  repositoryName: (id: number | null) => string;
  caption: string;
}

/** One row per job, newest first: what it was, where, how it went, and how long it took. */
export function JobsTable({ jobs, repositoryName, caption }: JobsTableProps) {
  return (
    <PanelTable caption={caption} className="jobs-table">
      <thead>
        <tr>
          <th scope="col">Job</th>
          <th scope="col">Type</th>
          <th scope="col">Repository</th>
          <th scope="col">Status</th>
          <th scope="col">Started</th>
          <th scope="col" className="numeric">
            Duration
          </th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id}>
            <th scope="row">
              <Link to={`/jobs/${job.id}`}>#{job.id}</Link>
            </th>
            <td>{jobTypeLabel(job.type)}</td>
            <td>{repositoryName(job.repository_id)}</td>
            <JobOutcomeCells job={job} />
          </tr>
        ))}
      </tbody>
    </PanelTable>
  );
}
