import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { RepositorySelectField } from '../../components/repositories/repository-select-field';

interface ChooseRepositoryDialogProps {
  title: string;
  confirmLabel: string;
  busyLabel?: string;
  busy?: boolean;
  error?: string | null;
  /** What the action does with the repository chosen. */
  children: ReactNode;
  onConfirm: (repositoryId: number) => void;
  onCancel: () => void;
}

/**
 * Asks which repository of this server to act on. Render it only while it is
 * open (it opens at once), so that each opening starts with nothing chosen.
 */
export function ChooseRepositoryDialog({
  title,
  confirmLabel,
  busyLabel,
  busy = false,
  error,
  children,
  onConfirm,
  onCancel,
}: ChooseRepositoryDialogProps) {
  const [repositoryId, setRepositoryId] = useState('');
  return (
    <ConfirmDialog
      open
      title={title}
      confirmLabel={confirmLabel}
      busyLabel={busyLabel}
      busy={busy}
      confirmDisabled={repositoryId === ''}
      error={error}
      onConfirm={() => onConfirm(Number(repositoryId))}
      onCancel={onCancel}
    >
      <RepositorySelectField
        value={repositoryId}
        onChange={setRepositoryId}
        localOnly
        hint="Only repositories on this server can be copied from here."
      />
      {children}
    </ConfirmDialog>
  );
}
