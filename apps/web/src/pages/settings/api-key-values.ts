import type { ApiKey, ApiKeyScope, NewApiKey } from '../../api/api-keys';
import type { Role } from '../../api/users';
import type { Choice } from '../../components/choice-cards';

export interface ApiKeyFormValues {
  name: string;
  scope: ApiKeyScope;
  /** The last day the key works, as a date field gives it (YYYY-MM-DD); '' for a key that does not expire. */
  expires_on: string;
}

export const EMPTY_API_KEY_FORM: ApiKeyFormValues = { name: '', scope: 'read', expires_on: '' };

const SCOPES: readonly Choice<ApiKeyScope>[] = [
  { value: 'read', label: 'Read', hint: 'Sees what a viewer sees: status, jobs, logs and archives. Changes nothing.' },
  { value: 'operate', label: 'Operate', hint: 'Does what an operator does: backups, restores, prunes, checks and syncs.' },
  { value: 'admin', label: 'Admin', hint: 'Does everything, including users, hooks, repository locations and credentials.' },
];

/** How far each role reaches, in the order of SCOPES: a key never reaches further than its owner. */
const REACH: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/** The scopes a user of `role` may give a key, each with what it allows. */
export function scopeChoices(role: Role): readonly Choice<ApiKeyScope>[] {
  return SCOPES.slice(0, REACH[role]);
}

/** A scope's name as the page says it: "Operate". */
export function scopeLabel(scope: ApiKeyScope): string {
  return SCOPES.find((choice) => choice.value === scope)?.label ?? scope;
}

/** What the form sends: the key works to the end of its last day in the browser's time zone (the next midnight). */
export function newApiKey({ name, scope, expires_on }: ApiKeyFormValues): NewApiKey {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(expires_on);
  if (!day) return { name, scope };
  const nextMidnight = new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + 1);
  return { name, scope, expires_at: nextMidnight.toISOString() };
}

/** The local day of `date` as a date field writes it (YYYY-MM-DD): the earliest last day a new key may have. */
export function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whether the key no longer works because its time ran out. */
export function isExpired(key: Pick<ApiKey, 'expires_at'>, now: Date): boolean {
  return key.expires_at !== null && new Date(key.expires_at).getTime() <= now.getTime();
}
