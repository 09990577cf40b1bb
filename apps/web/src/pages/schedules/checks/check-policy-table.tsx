import type { CheckPolicy } from '../../../api/check-policies';
import { archiveSelectionWords, scopeLabel, timeLimitWords } from '../../../components/policies/check-scopes';
import { PolicyTable } from '../../../components/policies/policy-table';
import { checkPolicyEditPath } from '../../../paths/page-paths';

interface CheckPolicyTableProps {
  policies: CheckPolicy[];
  onCheck: (policy: CheckPolicy) => void;
  onDelete: (policy: CheckPolicy) => void;
}

/** One row per policy: what it checks and how far; and what can be done with it. */
export function CheckPolicyTable({ policies, onCheck, onDelete }: CheckPolicyTableProps) {
  return (
    <PolicyTable
      caption="Check policies"
      headings={['Checks', 'Verify data', 'Time limit', 'Archives']}
      policies={policies}
      cells={(policy) => (
        <>
          <td>{scopeLabel(policy.scope)}</td>
          <td>{policy.verify_data ? 'Yes' : 'No'}</td>
          <td className="nowrap">{timeLimitWords(policy) ?? 'None'}</td>
          <td>{archiveSelectionWords(policy) ?? '—'}</td>
        </>
      )}
      actions={(policy) => (
        <button type="button" className="button button--small" onClick={() => onCheck(policy)} aria-label={`Check now with ${policy.name}`}>
          Check now…
        </button>
      )}
      editPath={checkPolicyEditPath}
      onDelete={onDelete}
    />
  );
}
