import { useNavigate } from 'react-router-dom';
import { useRunSchedule } from '../../../api/schedules';

/** "Run now": starts a run and goes to its job page; a refusal stays for RunNowError to show. */
export function useRunNow() {
  const run = useRunSchedule();
  const navigate = useNavigate();
  return {
    start: (scheduleId: number) => run.mutate(scheduleId, { onSuccess: (job) => navigate(`/jobs/${job.id}`) }),
    /** The schedule whose run is being started. */
    starting: run.isPending ? (run.variables ?? null) : null,
    error: run.error,
    dismiss: run.reset,
  };
}
