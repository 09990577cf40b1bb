import { useId, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Role } from '../api/users';
import { RequiresRole } from './requires-role';

interface EmptyStateProps {
  title: string;
  /** What the list would hold, and why one would want some. */
  children: ReactNode;
  /** The first step: where to make one, and the button's label. */
  actionPath: string;
  actionLabel: string;
  /** Who may take that step: the others see the list's purpose without the button. */
  actionRole: Role;
}

/** A list with nothing in it yet: what belongs there, and the button to make the first one. */
export function EmptyState({ title, children, actionPath, actionLabel, actionRole }: EmptyStateProps) {
  const headingId = useId();
  return (
    <section className="panel empty-state" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p>{children}</p>
      <RequiresRole atLeast={actionRole}>
        <Link to={actionPath} className="button button--primary">
          {actionLabel}
        </Link>
      </RequiresRole>
    </section>
  );
}
