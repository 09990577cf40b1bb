import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useLiveJobLists } from '../../../api/job-streams';
import { useHostNames } from '../../../api/hosts';
import { useRepositoryNames } from '../../../api/repositories';
import { SCHEDULE_PAGE_SIZE, useSchedules, type Schedule } from '../../../api/schedules';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { PagedList } from '../../../components/paged-list';
import { NEW_SCHEDULE_PATH, SCHEDULES_PATH } from '../../../paths/page-paths';
import { useOffsetParam } from '../../../util/offset-param';
import { SchedulesTabs } from '../schedules-tabs';
import { DeleteScheduleDialog } from './delete-schedule-dialog';
import { RunNowError } from './run-now-error';
import { ScheduleTable } from './schedule-table';
import { useRunNow } from './use-run-now';
import './schedules.css';
import { RequiresRole } from '../../../components/requires-role';
import { useRoleAtLeast } from '../../../api/roles';
import { useSelection } from '../../../components/selection/use-selection';
import { ScheduleBulkBar } from './schedule-bulk-bar';

/** The schedules, with their next and last runs, a switch each, and run now, edit and delete. Runs are followed live. */
export function SchedulesPage() {
  const [offset, goTo] = useOffsetParam();
  const schedules = useSchedules(offset);
  const repositoryName = useRepositoryNames();
  const hostName = useHostNames();
  const runNow = useRunNow();
  const [deleting, setDeleting] = useState<Schedule | null>(null);
  useLiveJobLists();
  const operator = useRoleAtLeast('operator');
  const pageIds = useMemo(() => (operator ? (schedules.data?.items.map((schedule) => schedule.id) ?? []) : []), [operator, schedules.data]);
  const selection = useSelection(pageIds);

  return (
    <>
      <SchedulesTabs />
      <PageHeader title="Schedules" intro="Backups that run on their own, with pruning, checks and hooks around them.">
        <RequiresRole atLeast="operator">
          <Link to={NEW_SCHEDULE_PATH} className="button button--primary">
            New schedule
          </Link>
        </RequiresRole>
      </PageHeader>

      <RunNowError error={runNow.error} onDismiss={runNow.dismiss} />
      {operator && <ScheduleBulkBar selection={selection} />}

      <PagedList
        query={schedules}
        loading="Loading schedules…"
        empty={
          <EmptyState title="No schedules yet" actionPath={NEW_SCHEDULE_PATH} actionLabel="Create a schedule" actionRole="operator">
            A schedule backs up directories of this server or of a host into a repository at the times you choose, every night for instance,
            and can prune old archives, check the repository and run commands of your own before and after.
          </EmptyState>
        }
        noun="schedules"
        firstPagePath={SCHEDULES_PATH}
        label="Schedules"
        offset={offset}
        pageSize={SCHEDULE_PAGE_SIZE}
        onOffsetChange={goTo}
      >
        {(items) => (
          <ScheduleTable
            schedules={items}
            repositoryName={repositoryName}
            hostName={hostName}
            starting={runNow.starting}
            onRun={(schedule) => runNow.start(schedule.id)}
            onDelete={setDeleting}
            selection={operator ? selection : undefined}
          />
        )}
      </PagedList>

      <DeleteScheduleDialog schedule={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
