import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useStartCheck, type CheckPolicy } from '../../../api/check-policies';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { checkDescription } from '../../../components/policies/check-scopes';
import { RepositorySelectField } from '../../../components/repositories/repository-select-field';
import { actionErrorMessage } from '../../../forms/form-errors';

interface CheckNowDialogProps {
  /** The policy to check with; the dialog is open while there is one. */
  policy: CheckPolicy | null;
  onClose: () => void;
}

/** Starts a check job with the policy on a chosen repository and goes to the job's page. */
export function CheckNowDialog({ policy, onClose }: CheckNowDialogProps) {
  if (!policy) return null;
  // Made afresh for each opening, so nothing chosen last time is left over.
  return <CheckNow key={policy.id} policy={policy} onClose={onClose} />;
}

function CheckNow({ policy, onClose }: { policy: CheckPolicy; onClose: () => void }) {
  const start = useStartCheck();
  const navigate = useNavigate();
  const [repositoryId, setRepositoryId] = useState('');

  return (
    <ConfirmDialog
      open
      title={`Check with ${policy.name}?`}
      confirmLabel="Start check"
      busyLabel="Starting…"
      busy={start.isPending}
      confirmDisabled={repositoryId === ''}
      error={start.isError ? actionErrorMessage(start.error) : null}
      onConfirm={() =>
        start.mutate(
          { repositoryId: Number(repositoryId), check_policy_id: policy.id },
          { onSuccess: (job) => navigate(`/jobs/${job.id}`) },
        )
      }
      onCancel={onClose}
    >
      <RepositorySelectField value={repositoryId} onChange={setRepositoryId} />
      <p>{checkDescription(policy)} It reports problems; it does not repair them.</p>
    </ConfirmDialog>
  );
}
