import { Link } from 'react-router-dom';
import type { Job } from '../../api/jobs';
import { Fact, Facts } from '../../components/facts';
import { JobDuration } from '../../components/jobs/job-duration';
import { JobStatusBadge } from '../../components/jobs/job-status-badge';
import { RelativeTime } from '../../components/relative-time';
import { jobTypeLabel } from '../../format/job-labels';
import { StartedBy } from './started-by';

interface JobDetailsProps {
  job: Job;
  repositoryName: string;
}

/** When the job ran, for which repository, and who or what started it. */
export function JobDetails({ job, repositoryName }: JobDetailsProps) {
  return (
    <section className="panel" aria-labelledby="details-heading">
      <div className="panel__header">
        <h2 id="details-heading">Details</h2>
      </div>
      <Facts>
        <Fact term="Status">
          <JobStatusBadge status={job.status} />
        </Fact>
        <Fact term="Type">{jobTypeLabel(job.type)}</Fact>
        {job.repository_id !== null && (
          <Fact term="Repository">
            <Link to={`/repositories/${job.repository_id}`}>{repositoryName}</Link>
          </Fact>
        )}
        <Fact term="Started by">
          <StartedBy job={job} />
        </Fact>
        <Fact term="Queued">
          <RelativeTime value={job.created_at} />
        </Fact>
        <Fact term="Started">
          <RelativeTime value={job.started_at} fallback="not yet" />
        </Fact>
        <Fact term="Finished">
          <RelativeTime value={job.finished_at} fallback={job.status === 'cancelled' ? '—' : 'not yet'} />
        </Fact>
        <Fact term="Job duration">
          <JobDuration job={job} /> <span className="muted">(start to finish, every step)</span>
        </Fact>
      </Facts>
    </section>
  );
}
