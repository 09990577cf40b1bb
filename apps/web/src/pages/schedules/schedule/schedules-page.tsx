import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/errors';
import { useLiveJobLists } from '../../../api/job-streams';
import { useRepositoryNames } from '../../../api/repositories';
import { SCHEDULE_PAGE_SIZE, useSchedules, type Schedule } from '../../../api/schedules';
import { Pagination } from '../../../components/pagination';
import { useOffsetParam } from '../offset-param';
import { SchedulesTabs } from '../schedules-tabs';
import { DeleteScheduleDialog } from './delete-schedule-dialog';
import { NEW_SCHEDULE_PATH, SCHEDULES_PATH } from './paths';
import { RunNowError } from './run-now-error';
import { ScheduleTable } from './schedule-table';
import { useRunNow } from './use-run-now';
import '../../repositories/repositories.css';
import '../../archives/archives.css';
import './schedules.css';

/** The schedules, with their next and last runs, a switch each, and run now, edit and delete. Runs are followed live. */
export function SchedulesPage() {
  const [offset, goTo] = useOffsetParam();
  const schedules = useSchedules(offset);
  const repositoryName = useRepositoryNames();
  const runNow = useRunNow();
  const [deleting, setDeleting] = useState<Schedule | null>(null);
  useLiveJobLists();

  return (
    <>
      <SchedulesTabs />
      <div className="page-header">
        <div>
          <h1>Schedules</h1>
          <p className="page-intro">Backups that run on their own, with pruning, checks and hooks around them.</p>
        </div>
        <Link to={NEW_SCHEDULE_PATH} className="button button--primary">
          New schedule
        </Link>
      </div>

      <RunNowError error={runNow.error} onDismiss={runNow.dismiss} />

      {schedules.isPending ? (
        <p className="panel" role="status">
          Loading schedules…
        </p>
      ) : schedules.isError ? (
        <p className="alert alert--error page-alert" role="alert">
          {errorMessage(schedules.error)}
        </p>
      ) : schedules.data.meta.total === 0 ? (
        <section className="panel empty-state" aria-labelledby="empty-schedules-heading">
          <h2 id="empty-schedules-heading">No schedules yet</h2>
          <p>
            A schedule backs up directories of this server into a repository at the times you choose, every night for
            instance, and can prune old archives, check the repository and run commands of your own before and after.
          </p>
          <Link to={NEW_SCHEDULE_PATH} className="button button--primary">
            Create a schedule
          </Link>
        </section>
      ) : schedules.data.items.length === 0 ? (
        <p className="panel">
          There are no schedules on this page. <Link to={SCHEDULES_PATH}>Go to the first page</Link>.
        </p>
      ) : (
        <>
          <ScheduleTable
            schedules={schedules.data.items}
            repositoryName={repositoryName}
            starting={runNow.starting}
            onRun={(schedule) => runNow.start(schedule.id)}
            onDelete={setDeleting}
          />
          <Pagination
            label="Schedules"
            offset={offset}
            limit={SCHEDULE_PAGE_SIZE}
            total={schedules.data.meta.total}
            onChange={goTo}
          />
        </>
      )}

      <DeleteScheduleDialog schedule={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
