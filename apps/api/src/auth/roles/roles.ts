/** What a user may do, least first: each role may do everything the roles before it may. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What each role is for, as the API documentation and the users page say it. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: 'sees status, jobs, logs, archives and their listings; no downloads, no restores, no changes',
  operator: 'runs backups, restores, prunes, checks and syncs, manages schedules without hooks, browses and downloads',
  admin:
    'everything, including users, hooks (they run shell commands as the server user), repository locations, cloud credentials and notification channels',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether someone holding `held` may do what needs `needed`. */
export function grants(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}

/** The lesser of two roles (an API key never exceeds its owner's role). */
export function lesserRole(a: Role, b: Role): Role {
  return grants(a, b) ? b : a;
}
