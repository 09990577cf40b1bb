import { Link } from 'react-router-dom';

/** The head of a table's last column, which holds each row's actions: named for screen readers only. */
export function ActionsHeader() {
  return (
    <th scope="col" className="actions-cell">
      <span className="visually-hidden">Actions</span>
    </th>
  );
}

/** A row's Edit, named "Edit <name>" for screen readers. */
export function EditLink({ to, name }: { to: string; name: string }) {
  return (
    <Link to={to} className="button button--small" aria-label={`Edit ${name}`}>
      Edit
    </Link>
  );
}

/** A row's Delete (which asks first), named "Delete <name>" for screen readers. */
export function DeleteButton({ name, onClick }: { name: string; onClick: () => void }) {
  return (
    <button type="button" className="button button--small button--danger-outline" onClick={onClick} aria-label={`Delete ${name}`}>
      Delete
    </button>
  );
}
