import { useId, useState } from 'react';
import { useTestCloudSyncConfig, useVerifyCloudSync, type CloudSyncConfig } from '../../api/cloud-sync';
import { configTarget } from '../../components/cloud-sync/config-target';
import { modeSummary } from '../../components/cloud-sync/modes';
import { Fact, Facts } from '../../components/facts';
import { LastJob } from '../../components/jobs/last-job';
import { DeleteButton, EditLink } from '../../components/row-actions';
import { cloudSyncEditPath } from '../../paths/page-paths';
import { ChooseRepositoryDialog } from './choose-repository-dialog';
import { ConnectionTestResult } from './connection-test-result';
import { SyncNowDialog } from './sync-now-dialog';
import { VerifyResultPanel } from './verify-result';
import { RequiresRole } from '../../components/requires-role';

type Dialog = 'sync' | 'verify' | null;

interface CloudSyncConfigCardProps {
  config: CloudSyncConfig;
  providerLabel: string;
  repositoryName: (id: number) => string;
  onDelete: (config: CloudSyncConfig) => void;
}

/**
 * One configuration: where it copies to, how, and how its last sync went;
 * with sync now, verify and test for an operator, edit and delete for an admin. A test's or a verify's result
 * is shown below, the latest of them.
 */
export function CloudSyncConfigCard({ config, providerLabel, repositoryName, onDelete }: CloudSyncConfigCardProps) {
  const headingId = useId();
  const test = useTestCloudSyncConfig(config.id);
  const verify = useVerifyCloudSync(config.id);
  const [dialog, setDialog] = useState<Dialog>(null);

  return (
    <section className="panel cloud-config" aria-labelledby={headingId}>
      <div className="cloud-config__header">
        <div>
          <h2 id={headingId}>{config.name}</h2>
          <p className="cloud-config__provider">{providerLabel}</p>
        </div>
        <RequiresRole atLeast="operator">
          <div className="cloud-config__actions" role="group" aria-label={`${config.name} actions`}>
            <button type="button" className="button button--small button--primary" onClick={() => setDialog('sync')}>
              Sync now…
            </button>
            <button type="button" className="button button--small" onClick={() => setDialog('verify')} disabled={verify.isPending}>
              Verify…
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={test.isPending}
              onClick={() => {
                verify.reset();
                test.mutate();
              }}
            >
              {test.isPending ? 'Testing…' : 'Test connection'}
            </button>
            <RequiresRole atLeast="admin">
              <EditLink to={cloudSyncEditPath(config.id)} name={config.name} />
              <DeleteButton name={config.name} onClick={() => onDelete(config)} />
            </RequiresRole>
          </div>
        </RequiresRole>
      </div>
      <Facts>
        <Fact term="Copies to">
          <code className="wrap">{configTarget(config)}</code>
        </Fact>
        <Fact term="Mode">{modeSummary(config.mode)}</Fact>
        {config.bandwidth_limit && <Fact term="Bandwidth limit">{config.bandwidth_limit}/s</Fact>}
        <Fact term="Last sync">
          {config.last_sync ? (
            <LastJob id={config.last_sync.job_id} status={config.last_sync.status} at={config.last_sync.finished_at} />
          ) : (
            <span className="muted">Never</span>
          )}
        </Fact>
      </Facts>
      <ConnectionTestResult test={test} />
      <VerifyResultPanel verify={verify} repositoryName={repositoryName} />

      {dialog === 'sync' && <SyncNowDialog config={config} onClose={() => setDialog(null)} />}
      {dialog === 'verify' && (
        <ChooseRepositoryDialog
          title={`Verify the copy at ${config.name}?`}
          confirmLabel="Verify"
          onConfirm={(repositoryId) => {
            setDialog(null);
            test.reset();
            verify.mutate(repositoryId);
          }}
          onCancel={() => setDialog(null)}
        >
          <p>
            rclone compares the repository with its copy file by file, by hash where both sides have one; nothing is downloaded or changed.
          </p>
        </ChooseRepositoryDialog>
      )}
    </section>
  );
}
