import { Link, useNavigate } from 'react-router-dom';
import { useUpdateSchedule, type Schedule } from '../../../api/schedules';
import { SCHEDULES_PATH, schedulePath } from '../../../paths/page-paths';
import { ScheduleForm } from './schedule-form';
import { scheduleFormValues } from './schedule-form-values';
import { ScheduleLoader } from './schedule-loader';
import '../policies.css';
import './schedules.css';
import { useDocumentTitle } from '../../../util/use-document-title';
import { NeedsRolePage } from '../../../components/needs-role';

export function EditSchedulePage() {
  return (
    <NeedsRolePage
      atLeast="operator"
      title="Edit schedule"
      action="Changing a schedule"
      back={{ to: SCHEDULES_PATH, label: 'the schedules' }}
    >
      <ScheduleLoader>{(schedule) => <EditSchedule schedule={schedule} />}</ScheduleLoader>
    </NeedsRolePage>
  );
}

function EditSchedule({ schedule }: { schedule: Schedule }) {
  const update = useUpdateSchedule(schedule.id);
  const navigate = useNavigate();
  useDocumentTitle(`Edit ${schedule.name}`);
  return (
    <>
      <p className="back-link">
        <Link to={schedulePath(schedule.id)}>← {schedule.name}</Link>
      </p>
      <h1>Edit {schedule.name}</h1>
      <p className="page-intro">The changes apply from the next run; a run under way goes on as it started.</p>
      <ScheduleForm
        initial={scheduleFormValues(schedule)}
        storedHooks={schedule}
        save={update}
        submitLabel="Save changes"
        onSaved={(saved) => navigate(schedulePath(saved.id))}
        cancelPath={schedulePath(schedule.id)}
      />
    </>
  );
}
