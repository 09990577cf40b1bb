import { grants, lesserRole, Role } from '../roles/roles';

/** What an API key may do, least first; each scope stands for a role. */
export const API_KEY_SCOPES = ['read', 'operate', 'admin'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const SCOPE_ROLE: Record<ApiKeyScope, Role> = { read: 'viewer', operate: 'operator', admin: 'admin' };

/** The scopes someone acting with `role` may give a new key: none above the role. */
export function scopesWithin(role: Role): ApiKeyScope[] {
  return API_KEY_SCOPES.filter((scope) => grants(role, SCOPE_ROLE[scope]));
}

/** What a key acts as: the lesser of its scope and its owner's role now (a demoted owner's keys are demoted too). */
export function keyRole(scope: ApiKeyScope, ownerRole: Role): Role {
  return lesserRole(SCOPE_ROLE[scope], ownerRole);
}
