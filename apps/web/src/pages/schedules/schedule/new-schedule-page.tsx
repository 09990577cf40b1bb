import { Link, useNavigate } from 'react-router-dom';
import { useCreateSchedule } from '../../../api/schedules';
import { SCHEDULES_PATH } from '../../../paths/page-paths';
import { ScheduleForm } from './schedule-form';
import { newScheduleValues } from './schedule-form-values';
import '../policies.css';
import './schedules.css';
import { useDocumentTitle } from '../../../util/use-document-title';
import { NeedsRolePage } from '../../../components/needs-role';

const NO_HOOKS = { pre_hooks: [], post_hooks: [] };

export function NewSchedulePage() {
  return (
    <NeedsRolePage
      atLeast="operator"
      title="New schedule"
      action="Creating a schedule"
      back={{ to: SCHEDULES_PATH, label: 'the schedules' }}
    >
      <NewSchedule />
    </NeedsRolePage>
  );
}

function NewSchedule() {
  const create = useCreateSchedule();
  const navigate = useNavigate();
  useDocumentTitle('New schedule');
  return (
    <>
      <p className="back-link">
        <Link to={SCHEDULES_PATH}>← Schedules</Link>
      </p>
      <h1>New schedule</h1>
      <p className="page-intro">
        A backup that runs on its own at the times you choose, with pruning, a check and hooks around it if you like.
      </p>
      <ScheduleForm
        initial={newScheduleValues()}
        storedHooks={NO_HOOKS}
        save={create}
        submitLabel="Create schedule"
        onSaved={() => navigate(SCHEDULES_PATH)}
        cancelPath={SCHEDULES_PATH}
      />
    </>
  );
}
