import type { Role } from '../../api/users';

const WORDS: Record<Role, { label: string; summary: string }> = {
  viewer: { label: 'Viewer', summary: 'sees status, jobs, logs and archives; no downloads, restores or changes' },
  operator: { label: 'Operator', summary: 'runs backups, restores, prunes, checks and syncs; manages schedules without hooks' },
  admin: { label: 'Admin', summary: 'everything, including users, hooks, repository locations and credentials' },
};

/** A role's name as the page says it: "Operator". */
export function roleLabel(role: Role): string {
  return WORDS[role].label;
}

/** What a role may do, in a few words. */
export function roleSummary(role: Role): string {
  return WORDS[role].summary;
}

/** What a role may do, as a sentence for a field's hint: "Sees status, …". */
export function roleHint(role: Role): string {
  const summary = WORDS[role].summary;
  return `${summary.charAt(0).toUpperCase()}${summary.slice(1)}.`;
}
