import { Link } from 'react-router-dom';
import { useCheckPolicyOptions } from '../../../api/check-policies';
import { useHostNames } from '../../../api/hosts';
import { useCloudSyncConfigOptions } from '../../../api/cloud-sync';
import { usePruningPolicyOptions } from '../../../api/pruning-policies';
import { useSchedulePreview, type Schedule } from '../../../api/schedules';
import { configTarget } from '../../../components/cloud-sync/config-target';
import { CodeList } from '../../../components/code-list';
import { Fact, Facts } from '../../../components/facts';
import { checkDescription } from '../../../components/policies/check-scopes';
import { keepRulesSummary } from '../../../components/policies/keep-rules';
import { checkPolicyEditPath, cloudSyncEditPath, hostPath, pruningPolicyPath } from '../../../paths/page-paths';
import { RunTime } from './run-time';

/** When the schedule runs, in words, with its next five runs on its zone's clock. */
export function ScheduleWhenPanel({ schedule }: { schedule: Schedule }) {
  return (
    <section className="panel" aria-labelledby="when-heading">
      <div className="panel__header">
        <h2 id="when-heading">When</h2>
      </div>
      <Facts>
        <Fact term="Runs">
          {schedule.description} <code className="muted nowrap">{schedule.cron_expression}</code>
        </Fact>
        <Fact term="Time zone">{schedule.timezone}</Fact>
        <Fact term="Next runs">
          {schedule.enabled ? <NextRuns schedule={schedule} /> : 'None: the schedule is disabled. It can still be run by hand.'}
        </Fact>
        <Fact term="Catch up">{schedule.catch_up ? 'Yes: a run missed while the server was down runs once when it is back' : 'No'}</Fact>
      </Facts>
    </section>
  );
}

function NextRuns({ schedule }: { schedule: Schedule }) {
  const preview = useSchedulePreview(schedule.cron_expression, schedule.timezone);
  const runs = preview.data?.next_runs ?? (schedule.next_run_at ? [schedule.next_run_at] : []);
  return (
    <ol className="run-times">
      {runs.map((run) => (
        <li key={run}>
          <RunTime value={run} timeZone={schedule.timezone} />
        </li>
      ))}
    </ol>
  );
}

/** What each run backs up (of this server or a host), where, and how. */
export function ScheduleBackupPanel({ schedule, repositoryName }: { schedule: Schedule; repositoryName: string }) {
  const hostName = useHostNames();
  return (
    <section className="panel" aria-labelledby="backup-heading">
      <div className="panel__header">
        <h2 id="backup-heading">Backup</h2>
      </div>
      <Facts>
        <Fact term="Back up from">
          {schedule.host_id === null ? 'This server' : <Link to={hostPath(schedule.host_id)}>{hostName(schedule.host_id)}</Link>}
        </Fact>
        <Fact term="Repository">
          <Link to={`/repositories/${schedule.repository_id}`}>{repositoryName}</Link>
        </Fact>
        <Fact term={schedule.source_paths.length === 1 ? 'Source' : 'Sources'}>
          <CodeList items={schedule.source_paths} />
        </Fact>
        <Fact term="Archive name">
          <code className="wrap">{schedule.archive_name}</code>
        </Fact>
        <Fact term="Compression">
          <code>{schedule.compression}</code>
        </Fact>
        <Fact term="Excludes">{schedule.exclude_patterns.length > 0 ? <CodeList items={schedule.exclude_patterns} /> : 'none'}</Fact>
        <Fact term="Options">{schedule.one_file_system ? 'Stay on one file system' : 'none'}</Fact>
      </Facts>
    </section>
  );
}

/** The prune, the check and the copy off-site that follow the backup, by the policies' and configuration's names and in words. */
export function SchedulePoliciesPanel({ schedule }: { schedule: Schedule }) {
  const pruning = usePruningPolicyOptions();
  const checks = useCheckPolicyOptions();
  const cloudSyncs = useCloudSyncConfigOptions();
  const pruningPolicy = pruning.data?.items.find((policy) => policy.id === schedule.pruning_policy_id);
  const checkPolicy = checks.data?.items.find((policy) => policy.id === schedule.check_policy_id);
  const cloudSync = cloudSyncs.data?.items.find((config) => config.id === schedule.cloud_sync_config_id);
  return (
    <section className="panel" aria-labelledby="after-heading">
      <div className="panel__header">
        <h2 id="after-heading">After the backup</h2>
      </div>
      <Facts>
        <Fact term="Pruning">
          {schedule.pruning_policy_id === null ? (
            'None: no archive is deleted'
          ) : pruningPolicy ? (
            <>
              <Link to={pruningPolicyPath(pruningPolicy.id, 'edit')}>{pruningPolicy.name}</Link>: keeps {keepRulesSummary(pruningPolicy)}
              {pruningPolicy.glob_archives && (
                <>
                  {' '}
                  of the archives matching <code className="wrap">{pruningPolicy.glob_archives}</code>
                </>
              )}
              {pruningPolicy.compact_after ? ', then compacts the repository' : ''}
            </>
          ) : (
            `Pruning policy #${schedule.pruning_policy_id}`
          )}
        </Fact>
        <Fact term="Check">
          {schedule.check_policy_id === null ? (
            'None'
          ) : checkPolicy ? (
            <>
              <Link to={checkPolicyEditPath(checkPolicy.id)}>{checkPolicy.name}</Link>: {checkDescription(checkPolicy)}
            </>
          ) : (
            `Check policy #${schedule.check_policy_id}`
          )}
        </Fact>
        <Fact term="Cloud sync">
          {schedule.cloud_sync_config_id === null ? (
            'None: the repository is not copied off-site'
          ) : cloudSync ? (
            <>
              <Link to={cloudSyncEditPath(cloudSync.id)}>{cloudSync.name}</Link>: into its folder below{' '}
              <code className="wrap">{configTarget(cloudSync)}</code>
            </>
          ) : (
            `Cloud sync configuration #${schedule.cloud_sync_config_id}`
          )}
        </Fact>
      </Facts>
    </section>
  );
}
