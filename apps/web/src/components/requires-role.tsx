import type { ReactNode } from 'react';
import { useRoleAtLeast } from '../api/roles';
import type { Role } from '../api/users';

interface RequiresRoleProps {
  atLeast: Role;
  /** What only that role (or a higher one) may use: a button, a link, a form. */
  children: ReactNode;
  /** Shown instead to the others; nothing unless given. */
  otherwise?: ReactNode;
}

/** Shows its children only to a user whose role is `atLeast` or higher, so that nobody meets a button that can only answer 403. */
export function RequiresRole({ atLeast, children, otherwise = null }: RequiresRoleProps) {
  return useRoleAtLeast(atLeast) ? children : otherwise;
}
