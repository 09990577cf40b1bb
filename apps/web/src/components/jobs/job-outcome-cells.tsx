import type { Job } from '../../api/jobs';
import { RelativeTime } from '../relative-time';
import { JobDuration } from './job-duration';
import { JobStatusBadge } from './job-status-badge';
import { jobSummary } from './job-summary';
import './job-outcome-cells.css';

/** A job's row in a list of jobs, after the cells of that list's own: its status, start, duration and result. */
export function JobOutcomeCells({ job }: { job: Job }) {
  const summary = jobSummary(job);
  return (
    <>
      <td>
        <JobStatusBadge status={job.status} />
      </td>
      <td className="nowrap">
        <RelativeTime value={job.started_at} fallback="—" />
      </td>
      <td className="numeric">
        <JobDuration job={job} />
      </td>
      <td className={job.error ? 'job-result-cell job-result-cell--error' : 'job-result-cell'}>
        {summary ? <span title={summary}>{summary}</span> : <span className="muted">—</span>}
      </td>
    </>
  );
}
