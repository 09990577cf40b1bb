import { createHash } from 'node:crypto';

/** The key types OpenSSH offers as host keys (DSA is gone from OpenSSH and not accepted). */
export const HOST_KEY_TYPES = [
  'ssh-ed25519',
  'ssh-rsa',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
] as const;

/** A public key as known_hosts holds it: its type and its base64 blob. */
export interface PublicKey {
  type: string;
  key: string;
}

export type HostKeyCheck = { ok: true; key: PublicKey } | { ok: false; problem: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * One public key line, "type base64" with an optional comment (what a host's `/etc/ssh/ssh_host_*_key.pub` holds):
 * a known type, and a blob that decodes to a key of that type.
 */
export function checkHostKey(text: string): HostKeyCheck {
  const line = text.trim();
  if (/[\r\n]/.test(line)) return { ok: false, problem: 'Give one key, on one line' };
  const [type = '', key = ''] = line.split(/[ \t]+/);
  if (!(HOST_KEY_TYPES as readonly string[]).includes(type)) {
    return { ok: false, problem: `Must start with a key type (${HOST_KEY_TYPES.join(', ')}), then the key: "ssh-ed25519 AAAA…"` };
  }
  if (!BASE64.test(key) || blobType(key) !== type) return { ok: false, problem: `The text after ${type} is not a ${type} public key` };
  return { ok: true, key: { type, key } };
}

/** SHA256:… as `ssh-keygen -l` prints it. */
export function fingerprintOf(key: PublicKey): string {
  const digest = createHash('sha256').update(Buffer.from(key.key, 'base64')).digest('base64');
  return `SHA256:${digest.replace(/=+$/, '')}`;
}

/** The type a key blob names in its first field (a length-prefixed string), or null when it has none. */
function blobType(base64: string): string | null {
  const blob = Buffer.from(base64, 'base64');
  if (blob.length < 4) return null;
  const length = blob.readUInt32BE(0);
  if (length === 0 || length > 64 || blob.length < 4 + length) return null;
  return blob.subarray(4, 4 + length).toString('latin1');
}
