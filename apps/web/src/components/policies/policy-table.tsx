import type { ReactNode } from 'react';
import { PanelTable } from '../panel-table';
import { ActionsHeader, DeleteButton, EditLink } from '../row-actions';
import './policy-table.css';
import { RequiresRole } from '../requires-role';

interface PolicyTableProps<Policy extends { id: number; name: string }> {
  /** "Pruning policies": the table's caption. */
  caption: string;
  /** The headings of the columns between the name and the actions. */
  headings: string[];
  policies: Policy[];
  /** A policy's cells in those columns. */
  cells: (policy: Policy) => ReactNode;
  /** A policy's actions before Edit and Delete, for an operator (Edit and Delete are an admin's). */
  actions: (policy: Policy) => ReactNode;
  editPath: (id: number) => string;
  onDelete: (policy: Policy) => void;
}

/** One row per policy: its name, what it does, and what can be done with it. */
export function PolicyTable<Policy extends { id: number; name: string }>({
  caption,
  headings,
  policies,
  cells,
  actions,
  editPath,
  onDelete,
}: PolicyTableProps<Policy>) {
  return (
    <PanelTable caption={caption} className="policy-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          {headings.map((heading) => (
            <th key={heading} scope="col">
              {heading}
            </th>
          ))}
          <ActionsHeader />
        </tr>
      </thead>
      <tbody>
        {policies.map((policy) => (
          <tr key={policy.id}>
            <th scope="row" className="policy-table__name">
              {policy.name}
            </th>
            {cells(policy)}
            <td className="actions-cell">
              <RequiresRole atLeast="operator">{actions(policy)}</RequiresRole>
              <RequiresRole atLeast="admin">
                <EditLink to={editPath(policy.id)} name={policy.name} />
                <DeleteButton name={policy.name} onClick={() => onDelete(policy)} />
              </RequiresRole>
            </td>
          </tr>
        ))}
      </tbody>
    </PanelTable>
  );
}
