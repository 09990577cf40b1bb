import { useCurrentUser } from './auth';
import type { Role } from './users';

/** The roles from the least allowed to the most: each may do everything the ones before it may. The server's order. */
export const ROLES: readonly Role[] = ['viewer', 'operator', 'admin'];

/** Whether `role` may do what needs `needed` (the `x-required-role` of an operation). */
export function roleGrants(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Whether the signed-in user may do what needs `needed`; false while nobody is signed in. */
export function useRoleAtLeast(needed: Role): boolean {
  const user = useCurrentUser();
  return user !== null && roleGrants(user.role, needed);
}
