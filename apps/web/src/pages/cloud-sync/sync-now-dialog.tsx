import { useNavigate } from 'react-router-dom';
import { useStartCloudSync, type CloudSyncConfig } from '../../api/cloud-sync';
import { configTarget } from '../../components/cloud-sync/config-target';
import { actionErrorMessage } from '../../forms/form-errors';
import { ChooseRepositoryDialog } from './choose-repository-dialog';

interface SyncNowDialogProps {
  config: CloudSyncConfig;
  onClose: () => void;
}

/** Starts a cloud sync job of a chosen repository to the configuration, and goes to the job's page to follow it. */
export function SyncNowDialog({ config, onClose }: SyncNowDialogProps) {
  const start = useStartCloudSync();
  const navigate = useNavigate();
  return (
    <ChooseRepositoryDialog
      title={`Sync to ${config.name} now?`}
      confirmLabel="Start sync"
      busyLabel="Starting…"
      busy={start.isPending}
      error={start.isError ? actionErrorMessage(start.error) : null}
      onConfirm={(repositoryId) => start.mutate({ configId: config.id, repositoryId }, { onSuccess: (job) => navigate(`/jobs/${job.id}`) })}
      onCancel={onClose}
    >
      <p>
        The repository is {config.mode === 'copy' ? 'copied' : 'mirrored'} into a folder of its own below{' '}
        <code className="wrap">{configTarget(config)}</code>. The sync waits for any job running on the repository, so that borg does not
        write while it copies.
      </p>
    </ChooseRepositoryDialog>
  );
}
