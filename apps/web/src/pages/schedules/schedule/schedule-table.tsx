import { Link } from 'react-router-dom';
import type { Schedule } from '../../../api/schedules';
import { LastJob } from '../../../components/jobs/last-job';
import { PanelTable } from '../../../components/panel-table';
import { ActionsHeader, DeleteButton, EditLink } from '../../../components/row-actions';
import { scheduleEditPath, schedulePath } from '../../../paths/page-paths';
import { DisabledReason } from './disabled-reason';
import { EnableSwitch } from './enable-switch';
import { RunTime } from './run-time';
import { RequiresRole } from '../../../components/requires-role';
import { SelectAllCell, SelectRowCell } from '../../../components/selection/selection-checkboxes';
import type { Selection } from '../../../components/selection/use-selection';

interface ScheduleTableProps {
  schedules: Schedule[];
  repositoryName: (id: number) => string;
  hostName: (id: number) => string;
  /** The schedule whose run is being started, if any. */
  starting: number | null;
  onRun: (schedule: Schedule) => void;
  onDelete: (schedule: Schedule) => void;
  /** Rows can be ticked for bulk actions (operators and above). */
  selection?: Selection<number>;
}

/** One row per schedule: what it backs up (from which host, if not this server) where, when, its next and last run, its switch, and what can be done with it. */
export function ScheduleTable({ schedules, repositoryName, hostName, starting, onRun, onDelete, selection }: ScheduleTableProps) {
  return (
    <PanelTable caption="Schedules" className="schedule-table">
      <thead>
        <tr>
          {selection && <SelectAllCell selection={selection} label="Select every schedule on this page" />}
          <th scope="col">Name</th>
          <th scope="col">Repository</th>
          <th scope="col">When</th>
          <th scope="col">Enabled</th>
          <th scope="col">Next run</th>
          <th scope="col">Last run</th>
          <ActionsHeader />
        </tr>
      </thead>
      <tbody>
        {schedules.map((schedule) => (
          <tr key={schedule.id} className={selection?.has(schedule.id) ? 'is-selected' : undefined}>
            {selection && <SelectRowCell selection={selection} rowKey={schedule.id} label={`Select ${schedule.name}`} />}
            <th scope="row" className="schedule-table__name">
              <Link to={schedulePath(schedule.id)}>{schedule.name}</Link>
            </th>
            <td>
              {repositoryName(schedule.repository_id)}
              {schedule.host_id !== null && <span className="schedule-table__host">from {hostName(schedule.host_id)}</span>}
            </td>
            <td>
              {schedule.description}
              <span className="schedule-table__zone">{schedule.timezone}</span>
              <DisabledReason schedule={schedule} inline />
            </td>
            <td>
              <EnableSwitch schedule={schedule} />
            </td>
            <td className="schedule-table__next">
              {schedule.next_run_at === null ? (
                <span className="muted">—</span>
              ) : (
                <RunTime value={schedule.next_run_at} timeZone={schedule.timezone} short />
              )}
            </td>
            <td className="schedule-table__last">
              {schedule.last_run === null ? (
                <span className="muted">Never</span>
              ) : (
                <LastJob
                  id={schedule.last_run.id}
                  status={schedule.last_run.status}
                  at={schedule.last_run.finished_at ?? schedule.last_run.started_at ?? schedule.last_run.created_at}
                />
              )}
            </td>
            <td className="actions-cell">
              <RequiresRole atLeast="operator">
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => onRun(schedule)}
                  disabled={starting === schedule.id}
                  aria-label={`Run ${schedule.name} now`}
                >
                  {starting === schedule.id ? 'Starting…' : 'Run now'}
                </button>
                <EditLink to={scheduleEditPath(schedule.id)} name={schedule.name} />
                <DeleteButton name={schedule.name} onClick={() => onDelete(schedule)} />
              </RequiresRole>
            </td>
          </tr>
        ))}
      </tbody>
    </PanelTable>
  );
}
