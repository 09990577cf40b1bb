import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useStartPrune, type PruningPolicy } from '../../../api/pruning-policies';
import { CheckboxField } from '../../../components/checkbox-field';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { keepRulesSummary } from '../../../components/policies/keep-rules';
import { RepositorySelectField } from '../../../components/repositories/repository-select-field';
import { actionErrorMessage } from '../../../forms/form-errors';
import { pruningPolicyPath } from '../../../paths/page-paths';

interface PruneNowDialogProps {
  /** The policy to prune with; the dialog is open while there is one. */
  policy: PruningPolicy | null;
  /** The repository chosen when the dialog opens ('' for none). */
  repositoryId?: string;
  /** Offer to preview the policy first (not when the dialog is opened from the preview). */
  offerPreview?: boolean;
  onClose: () => void;
}

/** Starts a prune job with the policy on a chosen repository, or a dry run of it, and goes to the job's page. */
export function PruneNowDialog({ policy, repositoryId = '', offerPreview = true, onClose }: PruneNowDialogProps) {
  if (!policy) return null;
  // Made afresh for each opening, so nothing chosen last time is left over.
  return <PruneNow key={policy.id} policy={policy} initialRepositoryId={repositoryId} offerPreview={offerPreview} onClose={onClose} />;
}

interface PruneNowProps {
  policy: PruningPolicy;
  initialRepositoryId: string;
  offerPreview: boolean;
  onClose: () => void;
}

function PruneNow({ policy, initialRepositoryId, offerPreview, onClose }: PruneNowProps) {
  const start = useStartPrune();
  const navigate = useNavigate();
  const [repositoryId, setRepositoryId] = useState(initialRepositoryId);
  const [dryRun, setDryRun] = useState(false);

  return (
    <ConfirmDialog
      open
      title={`Prune with ${policy.name}?`}
      confirmLabel={dryRun ? 'Start dry run' : 'Prune now'}
      busyLabel="Starting…"
      danger={!dryRun}
      busy={start.isPending}
      confirmDisabled={repositoryId === ''}
      error={start.isError ? actionErrorMessage(start.error) : null}
      onConfirm={() =>
        start.mutate(
          { repositoryId: Number(repositoryId), pruning_policy_id: policy.id, dry_run: dryRun },
          { onSuccess: (job) => navigate(`/jobs/${job.id}`) },
        )
      }
      onCancel={onClose}
    >
      <RepositorySelectField value={repositoryId} onChange={setRepositoryId} />
      <CheckboxField
        label="Dry run"
        checked={dryRun}
        onChange={setDryRun}
        hint="Delete nothing: the job’s log lists what would be pruned."
      />
      {!dryRun && (
        <p>
          borg keeps {keepRulesSummary(policy)}
          {policy.glob_archives && (
            <>
              {' '}
              of the archives matching <code className="wrap">{policy.glob_archives}</code>
            </>
          )}{' '}
          and deletes the others{policy.compact_after ? ', then compacts the repository' : ''}. This cannot be undone.
        </p>
      )}
      {offerPreview && (
        <p className="muted">
          Not sure what goes?{' '}
          <Link to={`${pruningPolicyPath(policy.id, 'preview')}${repositoryId ? `?repository_id=${repositoryId}` : ''}`} onClick={onClose}>
            Preview the policy
          </Link>{' '}
          first.
        </p>
      )}
    </ConfirmDialog>
  );
}
