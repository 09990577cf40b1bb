import { ApiRequestError } from '@borgitory/api-client';
import { Link } from 'react-router-dom';
import type { Archive, DeleteOutcome } from '../../api/archives';
import { useDeleteArchive } from '../../api/archives';
import { errorMessage } from '../../api/errors';
import { ConfirmDialog } from '../../components/confirm-dialog';

interface DeleteArchiveDialogProps {
  repositoryId: number;
  /** The archive to delete; the dialog is open while there is one. */
  archive: Archive | null;
  onClose: () => void;
  onDeleted: (name: string, outcome: DeleteOutcome) => void;
}

/**
 * Confirms deleting one archive. The server answers once borg is done, or
 * after a minute with the job that carries on; while another job holds the
 * repository it refuses, and the dialog says so.
 */
export function DeleteArchiveDialog({ repositoryId, archive, onClose, onDeleted }: DeleteArchiveDialogProps) {
  const remove = useDeleteArchive(repositoryId);
  const busyRepository = remove.error instanceof ApiRequestError && remove.error.code === 'REPOSITORY_BUSY';

  function close() {
    remove.reset();
    onClose();
  }

  return (
    <ConfirmDialog
      open={archive !== null}
      title="Delete this archive?"
      confirmLabel="Delete archive"
      busyLabel="Deleting archive…"
      danger
      busy={remove.isPending}
      error={remove.isError ? errorMessage(remove.error) : null}
      onConfirm={() => {
        if (!archive) return;
        remove.mutate(archive.name, {
          onSuccess: (outcome) => {
            remove.reset();
            onDeleted(archive.name, outcome);
          },
        });
      }}
      onCancel={close}
    >
      {archive && (
        <>
          <p>
            borg will delete the archive <code className="wrap">{archive.name}</code>. Files that no other archive holds can no longer be
            restored. This cannot be undone.
          </p>
          <p className="muted">
            The space is freed when the repository is next compacted: by a pruning policy that compacts after, or by{' '}
            <Link to={`/repositories/${repositoryId}`}>Compact now</Link> on the repository’s page.
          </p>
          {busyRepository && (
            <p>
              <Link to={`/jobs?repository_id=${repositoryId}`}>See the repository’s jobs</Link>, and try again once they have finished.
            </p>
          )}
        </>
      )}
    </ConfirmDialog>
  );
}
