import type { OidcConfig } from '../../platform/config/oidc-config';
import { Role, ROLES } from '../roles/roles';

/** The highest role whose configured values the role claim (a string or a list of strings) holds; null for none. */
export function roleFromClaims(claims: Record<string, unknown>, config: Pick<OidcConfig, 'roleClaim' | 'roleValues'>): Role | null {
  const raw = claims[config.roleClaim];
  const held = new Set((Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === 'string'));
  const matched = [...ROLES].reverse().find((role) => config.roleValues[role].some((value) => held.has(value)));
  return matched ?? null;
}

/** A user name Borgitory accepts (letters, digits and . _ @ -, at most 64) made from the claim; null when nothing is left. */
export function usernameFromClaims(claims: Record<string, unknown>, usernameClaim: string): string | null {
  const raw = claims[usernameClaim] ?? claims['email'] ?? claims['sub'];
  if (typeof raw !== 'string') return null;
  const name = raw.replace(/[^A-Za-z0-9._@-]/g, '').slice(0, 64);
  return name.length > 0 ? name : null;
}
