import { Link } from 'react-router-dom';
import type { JobStatus } from '../../api/jobs';
import { RelativeTime } from '../relative-time';
import { JobStatusBadge } from './job-status-badge';
import './last-job.css';

interface LastJobProps {
  id: number;
  status: JobStatus;
  /** When it finished, or started, or was queued: the latest the job has. */
  at: string | null;
}

/** A job's status as a link to its page ("Completed job #42"), and below it when that was. */
export function LastJob({ id, status, at }: LastJobProps) {
  return (
    <>
      <Link to={`/jobs/${id}`} className="last-job__link">
        <JobStatusBadge status={status} />
        <span className="visually-hidden"> job #{id}</span>
      </Link>
      <span className="last-job__when">
        <RelativeTime value={at} />
      </span>
    </>
  );
}
