import type { UseMutationResult } from '@tanstack/react-query';
import { DeleteDialog } from '../delete-dialog';

interface DeletePolicyDialogProps {
  /** "pruning policy", "check policy". */
  kind: string;
  /** The policy to delete; the dialog is open while there is one. */
  policy: { id: number; name: string } | null;
  remove: UseMutationResult<unknown, Error, number>;
  onClose: () => void;
}

/** Confirms deleting a policy. Nothing in a repository changes, and jobs that used it keep their copy of it. */
export function DeletePolicyDialog({ kind, policy, remove, onClose }: DeletePolicyDialogProps) {
  return (
    <DeleteDialog item={policy} title={`Delete this ${kind}?`} confirmLabel="Delete policy" remove={remove} onClose={onClose}>
      {({ name }) => (
        <p>
          The {kind} <strong>{name}</strong> will be deleted. No archive is touched, and jobs that ran with it keep the settings they ran
          with.
        </p>
      )}
    </DeleteDialog>
  );
}
