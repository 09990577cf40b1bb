import { useId, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { useDeleteRepository, type Repository } from '../../api/repositories';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormField } from '../../components/form-field';

interface DeleteRepositoryDialogProps {
  repository: Repository;
  open: boolean;
  onClose: () => void;
  onDeleted: () => void;
}

/**
 * Removes the repository from Borgitory, and only when asked also deletes it
 * from disk; that case is spelled out and needs the repository's name typed.
 */
export function DeleteRepositoryDialog({ repository, open, onClose, onDeleted }: DeleteRepositoryDialogProps) {
  const remove = useDeleteRepository(repository.id);
  const checkboxId = useId();
  const [deleteData, setDeleteData] = useState(false);
  const [typedName, setTypedName] = useState('');

  function close() {
    remove.reset();
    setDeleteData(false);
    setTypedName('');
    onClose();
  }

  return (
    <ConfirmDialog
      open={open}
      title={deleteData ? 'Delete the repository and all its archives?' : 'Remove the repository from Borgitory?'}
      confirmLabel={deleteData ? 'Delete repository and all archives' : 'Remove from Borgitory (data is kept)'}
      busyLabel={deleteData ? 'Deleting repository…' : 'Removing…'}
      danger={deleteData}
      busy={remove.isPending}
      confirmDisabled={deleteData && typedName !== repository.name}
      error={remove.isError ? errorMessage(remove.error) : null}
      onConfirm={() => remove.mutate(deleteData, { onSuccess: onDeleted })}
      onCancel={close}
    >
      <div className="choice">
        <input
          type="checkbox"
          id={checkboxId}
          checked={deleteData}
          onChange={(event) => {
            setDeleteData(event.target.checked);
            setTypedName('');
          }}
        />
        <label htmlFor={checkboxId}>Also delete the repository and all its archives from disk</label>
      </div>
      {deleteData ? (
        <>
          <p className="alert alert--error">
            borg will permanently delete the repository at <code className="wrap">{repository.path}</code>
            {repository.archives_count !== null && (
              <>
                {' '}
                and its {repository.archives_count} {repository.archives_count === 1 ? 'archive' : 'archives'}
              </>
            )}
            . This cannot be undone.
          </p>
          <FormField
            label={`Type the repository name, ${repository.name}, to confirm`}
            name="confirm-name"
            autoComplete="off"
            spellCheck={false}
            value={typedName}
            onChange={(event) => setTypedName(event.target.value)}
          />
        </>
      ) : (
        <p>
          Borgitory will forget <strong>{repository.name}</strong>. The repository and its archives stay at{' '}
          <code className="wrap">{repository.path}</code>, and you can import it again later.
        </p>
      )}
    </ConfirmDialog>
  );
}
