import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useLiveJobLists } from '../../../api/job-streams';
import { useRepositoryNames } from '../../../api/repositories';
import type { Schedule } from '../../../api/schedules';
import { SCHEDULES_PATH, scheduleEditPath } from '../../../paths/page-paths';
import { DeleteScheduleDialog } from './delete-schedule-dialog';
import { DisabledReason } from './disabled-reason';
import { EnableSwitch } from './enable-switch';
import { RunNowError } from './run-now-error';
import { ScheduleHooksPanel } from './schedule-hooks-panel';
import { ScheduleLoader } from './schedule-loader';
import { ScheduleRunsPanel } from './schedule-runs-panel';
import { ScheduleBackupPanel, SchedulePoliciesPanel, ScheduleWhenPanel } from './schedule-settings';
import { useRunNow } from './use-run-now';
import './schedules.css';
import { useDocumentTitle } from '../../../util/use-document-title';
import { useRoleAtLeast } from '../../../api/roles';

export function SchedulePage() {
  return <ScheduleLoader>{(schedule) => <ScheduleView schedule={schedule} />}</ScheduleLoader>;
}

/** One schedule: its settings in words, its switch, run now, edit, delete, and its runs (followed live). */
function ScheduleView({ schedule }: { schedule: Schedule }) {
  const navigate = useNavigate();
  const repositoryName = useRepositoryNames()(schedule.repository_id);
  const runNow = useRunNow();
  const [deleting, setDeleting] = useState(false);
  const operator = useRoleAtLeast('operator');
  useLiveJobLists();

  useDocumentTitle(schedule.name);
  return (
    <>
      <p className="back-link">
        <Link to={SCHEDULES_PATH}>← Schedules</Link>
      </p>
      <h1>{schedule.name}</h1>
      <p className="page-intro">
        {schedule.description}, in {schedule.timezone}, into {repositoryName}.
      </p>

      <div className="toolbar schedule-toolbar" role="group" aria-label="Schedule actions">
        {operator && (
          <>
            <button
              type="button"
              className="button button--primary"
              onClick={() => runNow.start(schedule.id)}
              disabled={runNow.starting !== null}
            >
              {runNow.starting !== null ? 'Starting…' : 'Run now'}
            </button>
            <Link to={scheduleEditPath(schedule.id)} className="button">
              Edit
            </Link>
          </>
        )}
        <EnableSwitch schedule={schedule} withState />
        {operator && (
          <>
            <span className="toolbar__spacer" />
            <button type="button" className="button button--danger-outline" onClick={() => setDeleting(true)}>
              Delete
            </button>
          </>
        )}
      </div>
      <RunNowError error={runNow.error} onDismiss={runNow.dismiss} />
      <DisabledReason schedule={schedule} />

      <ScheduleWhenPanel schedule={schedule} />
      <ScheduleBackupPanel schedule={schedule} repositoryName={repositoryName} />
      <SchedulePoliciesPanel schedule={schedule} />
      <ScheduleHooksPanel schedule={schedule} />
      <ScheduleRunsPanel scheduleId={schedule.id} scheduleName={schedule.name} />

      <DeleteScheduleDialog
        schedule={deleting ? schedule : null}
        onClose={() => setDeleting(false)}
        onDeleted={() => navigate(SCHEDULES_PATH, { replace: true })}
      />
    </>
  );
}
