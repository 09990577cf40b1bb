import { Link } from 'react-router-dom';
import type { Job } from '../../api/jobs';
import { JobOutcomeCells } from '../../components/jobs/job-outcome-cells';
import { PanelTable } from '../../components/panel-table';
import { jobTypeLabel } from '../../format/job-labels';
import { SelectAllCell, SelectRowCell } from '../../components/selection/selection-checkboxes';
import type { Selection } from '../../components/selection/use-selection';

interface JobsTableProps {
  jobs: Job[];
  repositoryName: (id: number | null) => string;
  caption: string;
  /** Rows can be ticked for bulk actions (operators and above). */
  selection?: Selection<number>;
}

/** One row per job, newest first: what it was, where, how it went, and how long it took. */
export function JobsTable({ jobs, repositoryName, caption, selection }: JobsTableProps) {
  return (
    <PanelTable caption={caption} className="jobs-table">
      <thead>
        <tr>
          {selection && <SelectAllCell selection={selection} label="Select every job on this page" />}
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
          <tr key={job.id} className={selection?.has(job.id) ? 'is-selected' : undefined}>
            {selection && <SelectRowCell selection={selection} rowKey={job.id} label={`Select job #${job.id}`} />}
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
