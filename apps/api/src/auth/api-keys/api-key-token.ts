import { createHash, randomBytes } from 'node:crypto';

/** The OpenAPI security scheme of API keys. */
export const API_KEY_SCHEME = 'api_key';

const KEY_MARK = 'bgk_';
/** Characters of the key kept and shown after the mark. */
const SHOWN_CHARACTERS = 8;

/** A new key: the mark, then 32 random bytes in base64url (256 bits). */
export function generateApiKey(): string {
  return `${KEY_MARK}${randomBytes(32).toString('base64url')}`;
}

/** What lists show of a key: `bgk_` and its next 8 characters. */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, KEY_MARK.length + SHOWN_CHARACTERS);
}

/** What is stored of a key (see ApiKeyEntity.keyHash). */
export function apiKeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * The credential of `Authorization: Bearer <credential>`: null when the header is absent or of another scheme, an
 * empty string (which matches no key) when it is malformed.
 */
export function bearerCredential(authorization: string | undefined): string | null {
  if (authorization === undefined) return null;
  const [scheme, credential, ...rest] = authorization.trim().split(/\s+/);
  if (scheme?.toLowerCase() !== 'bearer') return null;
  return credential !== undefined && rest.length === 0 ? credential : '';
}
