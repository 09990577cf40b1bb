import { Link } from 'react-router-dom';
import type { PruningPolicy } from '../../../api/pruning-policies';
import { PanelTable } from '../../../components/panel-table';
import { ActionsHeader, DeleteButton, EditLink } from '../../../components/row-actions';
import { keepRuleParts } from './keep-rules';
import { pruningPolicyPath } from './paths';

interface PruningPolicyTableProps {
  policies: PruningPolicy[];
  onPrune: (policy: PruningPolicy) => void;
  onDelete: (policy: PruningPolicy) => void;
}

/** One row per policy: what it keeps, of which archives, whether compact follows; and what can be done with it. */
export function PruningPolicyTable({ policies, onPrune, onDelete }: PruningPolicyTableProps) {
  return (
    <PanelTable caption="Pruning policies" className="policy-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Keeps</th>
          <th scope="col">Archives</th>
          <th scope="col">Compact after</th>
          <ActionsHeader />
        </tr>
      </thead>
      <tbody>
        {policies.map((policy) => (
          <tr key={policy.id}>
            <th scope="row" className="policy-table__name">
              {policy.name}
            </th>
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
            <td className="actions-cell">
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
              <EditLink to={pruningPolicyPath(policy.id, 'edit')} name={policy.name} />
              <DeleteButton name={policy.name} onClick={() => onDelete(policy)} />
            </td>
          </tr>
        ))}
      </tbody>
    </PanelTable>
  );
}
