import { Link } from 'react-router-dom';
import type { Job } from '../../api/jobs';
import { JobStatusBadge } from '../../components/jobs/job-status-badge';
import { jobSummary } from '../../components/jobs/job-summary';
import { RelativeTime } from '../../components/relative-time';
import { jobTypeLabel } from '../../format/job-labels';
import './job-list.css';

interface JobListProps {
  jobs: Job[];
  repositoryName: (id: number | null) => string;
  /** Also show how each job ended ("1,234 files, 12.3 MB new"). */
  withSummary?: boolean;
}

/** A compact list of jobs for the dashboard: status, a link to the job, its repository and when. */
export function JobList({ jobs, repositoryName, withSummary = false }: JobListProps) {
  return (
    <ul className="job-list">
      {jobs.map((job) => {
        const summary = withSummary ? jobSummary(job) : null;
        const time = job.finished_at ?? job.started_at ?? job.created_at;
        return (
          <li key={job.id} className="job-list__item">
            <JobStatusBadge status={job.status} />
            <span className="job-list__main">
              <Link to={`/jobs/${job.id}`} className="job-list__link">
                {jobTypeLabel(job.type)} #{job.id}
              </Link>
              {job.repository_id !== null && <span className="job-list__repository">{repositoryName(job.repository_id)}</span>}
              {summary && <span className="job-list__summary">{summary}</span>}
            </span>
            <span className="job-list__time">
              {job.finished_at ? 'finished' : job.started_at ? 'started' : 'queued'} <RelativeTime value={time} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
