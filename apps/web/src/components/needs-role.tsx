import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useRoleAtLeast } from '../api/roles';
import type { Role } from '../api/users';
import { useDocumentTitle } from '../util/use-document-title';

interface NeedsRolePageProps {
  atLeast: Role;
  /** The page's title, kept so that the user sees where they are. */
  title: string;
  /** What the page is for, as the start of a sentence: "Adding a repository". */
  action: string;
  /** Where to go instead: the list the page belongs to. */
  back: { to: string; label: string };
  /** The page, for a user whose role is `atLeast` or higher. */
  children: ReactNode;
}

/** A page only `atLeast` (or a higher role) may use: anyone else, come by its address, is told which role it needs. */
export function NeedsRolePage({ atLeast, title, action, back, children }: NeedsRolePageProps) {
  const allowed = useRoleAtLeast(atLeast);
  if (allowed) return children;
  return <NeedsRole atLeast={atLeast} title={title} action={action} back={back} />;
}

function NeedsRole({ atLeast, title, action, back }: Omit<NeedsRolePageProps, 'children'>) {
  useDocumentTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <p className="alert alert--error page-alert" role="alert">
        {action} needs the {atLeast} role, which your account does not have. Ask an admin of this server if you need it, or go back to{' '}
        <Link to={back.to}>{back.label}</Link>.
      </p>
    </>
  );
}
