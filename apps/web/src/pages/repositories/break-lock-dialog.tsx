import { errorMessage } from '../../api/errors';
import { useBreakRepositoryLock, type Repository } from '../../api/repositories';
import { ConfirmDialog } from '../../components/confirm-dialog';

interface BreakLockDialogProps {
  repository: Repository;
  open: boolean;
  onClose: () => void;
  onBroken: () => void;
}

/** Confirms `borg break-lock`, saying when it is safe. */
export function BreakLockDialog({ repository, open, onClose, onBroken }: BreakLockDialogProps) {
  const breakLock = useBreakRepositoryLock(repository.id);

  return (
    <ConfirmDialog
      open={open}
      title="Break the lock?"
      confirmLabel="Break lock"
      busyLabel="Breaking lock…"
      danger
      busy={breakLock.isPending}
      error={breakLock.isError ? errorMessage(breakLock.error) : null}
      onConfirm={() => breakLock.mutate(undefined, { onSuccess: onBroken })}
      onCancel={() => {
        breakLock.reset();
        onClose();
      }}
    >
      <p>
        borg locks a repository while it works on it. When borg is interrupted (a crash, a reboot, a lost connection) the lock can stay
        behind, and every later backup of <strong>{repository.name}</strong> waits for it in vain.
      </p>
      <p>
        Only break a <strong>stale</strong> lock. If a backup or another borg process is still using the repository, breaking its lock can
        damage the repository.
      </p>
    </ConfirmDialog>
  );
}
