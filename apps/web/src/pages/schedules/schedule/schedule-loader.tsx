import { ApiRequestError } from '@borgitory/api-client';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/errors';
import { useSchedule, type Schedule } from '../../../api/schedules';
import { SCHEDULES_PATH } from '../../../paths/page-paths';
import { useScheduleId } from './use-schedule-id';
import { useDocumentTitle } from '../../../util/use-document-title';

/** Loads the schedule of the address and renders its page, or says why it cannot. */
export function ScheduleLoader({ children }: { children: (schedule: Schedule) => ReactNode }) {
  const id = useScheduleId();
  if (id === null) return <ScheduleNotFound />;
  // Keyed by id: another schedule starts with fresh page state.
  return (
    <LoadSchedule key={id} id={id}>
      {children}
    </LoadSchedule>
  );
}

function LoadSchedule({ id, children }: { id: number; children: (schedule: Schedule) => ReactNode }) {
  const schedule = useSchedule(id);
  if (schedule.isPending) return <p role="status">Loading the schedule…</p>;
  // A failed background refetch keeps the schedule on screen.
  if (schedule.data) return children(schedule.data);
  if (schedule.error instanceof ApiRequestError && schedule.error.status === 404) return <ScheduleNotFound />;
  return (
    <p className="alert alert--error" role="alert">
      {errorMessage(schedule.error)}
    </p>
  );
}

function ScheduleNotFound() {
  useDocumentTitle('Schedule not found');
  return (
    <>
      <h1>Schedule not found</h1>
      <p className="page-intro">
        There is no such schedule; it may have been deleted. Go back to the <Link to={SCHEDULES_PATH}>schedules</Link>.
      </p>
    </>
  );
}
