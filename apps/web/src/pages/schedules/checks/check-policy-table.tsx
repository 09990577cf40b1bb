import type { CheckPolicy } from '../../../api/check-policies';
import { PanelTable } from '../../../components/panel-table';
import { ActionsHeader, DeleteButton, EditLink } from '../../../components/row-actions';
import { archiveSelectionWords, scopeLabel, timeLimitWords } from './check-scopes';
import { checkPolicyEditPath } from './paths';

interface CheckPolicyTableProps {
  policies: CheckPolicy[];
  onCheck: (policy: CheckPolicy) => void;
  onDelete: (policy: CheckPolicy) => void;
}

/** One row per policy: what it checks and how far; and what can be done with it. */
export function CheckPolicyTable({ policies, onCheck, onDelete }: CheckPolicyTableProps) {
  return (
    <PanelTable caption="Check policies" className="policy-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Checks</th>
          <th scope="col">Verify data</th>
          <th scope="col">Time limit</th>
          <th scope="col">Archives</th>
          <ActionsHeader />
        </tr>
      </thead>
      <tbody>
        {policies.map((policy) => (
          <tr key={policy.id}>
            <th scope="row" className="policy-table__name">
              {policy.name}
            </th>
            <td>{scopeLabel(policy.scope)}</td>
            <td>{policy.verify_data ? 'Yes' : 'No'}</td>
            <td className="nowrap">{timeLimitWords(policy) ?? 'None'}</td>
            <td>{archiveSelectionWords(policy) ?? '—'}</td>
            <td className="actions-cell">
              <button
                type="button"
                className="button button--small"
                onClick={() => onCheck(policy)}
                aria-label={`Check now with ${policy.name}`}
              >
                Check now…
              </button>
              <EditLink to={checkPolicyEditPath(policy.id)} name={policy.name} />
              <DeleteButton name={policy.name} onClick={() => onDelete(policy)} />
            </td>
          </tr>
        ))}
      </tbody>
    </PanelTable>
  );
}
