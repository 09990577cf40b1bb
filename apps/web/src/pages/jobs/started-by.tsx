import { Link } from 'react-router-dom';
import type { Job } from '../../api/jobs';

/**
 * Who or what started the job. A run of a schedule names the schedule (as it
 * was called when the run started) and whether its timer or "Run now" did.
 */
export function StartedBy({ job }: { job: Job }) {
  const schedule = job.schedule_id === null ? null : <ScheduleLink job={job} id={job.schedule_id} />;
  if (job.trigger === 'retry' && job.retry_of_id !== null) {
    return (
      <>
        Retry of <Link to={`/jobs/${job.retry_of_id}`}>job #{job.retry_of_id}</Link>
        {schedule && <>, a run of schedule {schedule}</>}
      </>
    );
  }
  if (schedule) {
    return job.trigger === 'schedule' ? <>Schedule {schedule}, on its timer</> : <>Schedule {schedule}, by “Run now”</>;
  }
  return job.trigger === 'schedule' ? 'A schedule' : 'Manually';
}

function ScheduleLink({ job, id }: { job: Job; id: number }) {
  const name = job.type === 'backup' ? job.parameters.schedule_name : undefined;
  return <Link to={`/schedules/${id}`}>{name ?? `#${id}`}</Link>;
}
