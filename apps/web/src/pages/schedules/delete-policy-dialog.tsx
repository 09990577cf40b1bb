import type { UseMutationResult } from '@tanstack/react-query';
import { errorMessage } from '../../api/errors';
import { ConfirmDialog } from '../../components/confirm-dialog';

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
  function close() {
    remove.reset();
    onClose();
  }

  return (
    <ConfirmDialog
      open={policy !== null}
      title={`Delete this ${kind}?`}
      confirmLabel="Delete policy"
      busyLabel="Deleting…"
      danger
      busy={remove.isPending}
      error={remove.isError ? errorMessage(remove.error) : null}
      onConfirm={() => {
        if (policy) remove.mutate(policy.id, { onSuccess: close });
      }}
      onCancel={close}
    >
      {policy && (
        <p>
          The {kind} <strong>{policy.name}</strong> will be deleted. No archive is touched, and jobs that ran with it
          keep the settings they ran with.
        </p>
      )}
    </ConfirmDialog>
  );
}
