import { Link } from 'react-router-dom';
import type { PruningPolicy } from '../../../api/pruning-policies';
import { keepRuleParts } from '../../../components/policies/keep-rules';
import { PolicyTable } from '../../../components/policies/policy-table';
import { pruningPolicyPath } from '../../../paths/page-paths';

interface PruningPolicyTableProps {
  policies: PruningPolicy[];
  onPrune: (policy: PruningPolicy) => void;
  onDelete: (policy: PruningPolicy) => void;
}

/** One row per policy: what it keeps, of which archives, whether compact follows; and what can be done with it. */
export function PruningPolicyTable({ policies, onPrune, onDelete }: PruningPolicyTableProps) {
  return (
    <PolicyTable
      caption="Pruning policies"
      headings={['Keeps', 'Archives', 'Compact after']}
      policies={policies}
      cells={(policy) => (
        <>
          <td>
            {keepRuleParts(policy).map((part, index) => (
              // Each rule stays on one line; the line breaks between rules.
              <span key={part} className="nowrap">
                {index > 0 && ' · '}
                {part}
              </span>
            ))}
          </td>
          <td>{policy.glob_archives ? <code className="wrap">{policy.glob_archives}</code> : 'All'}</td>
          <td>{policy.compact_after ? 'Yes' : 'No'}</td>
        </>
      )}
      actions={(policy) => (
        <>
          <Link to={pruningPolicyPath(policy.id, 'preview')} className="button button--small" aria-label={`Preview ${policy.name}`}>
            Preview
          </Link>
          <button
            type="button"
            className="button button--small"
            onClick={() => onPrune(policy)}
            aria-label={`Prune now with ${policy.name}`}
          >
            Prune now…
          </button>
        </>
      )}
      editPath={(id) => pruningPolicyPath(id, 'edit')}
      onDelete={onDelete}
    />
  );
}
