import type { Encryption } from '../../api/repositories';

interface EncryptionMode {
  value: Encryption;
  /** The option's text: the mode and what it means in a few words. */
  label: string;
  /** A sentence shown under the select for the chosen mode. */
  description: string;
}

export const DEFAULT_ENCRYPTION: Encryption = 'repokey-blake2';

export const ENCRYPTION_MODES: EncryptionMode[] = [
  {
    value: 'repokey-blake2',
    label: 'repokey-blake2 — encrypted, key in the repository (recommended)',
    description:
      'Encrypted and authenticated. The key is kept in the repository, protected by the passphrase. BLAKE2b is fast on most processors.',
  },
  {
    value: 'repokey',
    label: 'repokey — encrypted, key in the repository (SHA-256)',
    description: 'Like repokey-blake2, with HMAC-SHA256: faster only on processors with SHA hardware acceleration.',
  },
  {
    value: 'keyfile-blake2',
    label: 'keyfile-blake2 — encrypted, key in a file on this server',
    description:
      'Encrypted and authenticated. The key is kept in a file on the Borgitory server, not in the repository: export it and keep a copy elsewhere.',
  },
  {
    value: 'keyfile',
    label: 'keyfile — encrypted, key in a file on this server (SHA-256)',
    description: 'Like keyfile-blake2, with HMAC-SHA256.',
  },
  {
    value: 'authenticated-blake2',
    label: 'authenticated-blake2 — not encrypted, tampering detected',
    description: 'The data is not encrypted, but changes to it are detected. The passphrase protects the authentication key.',
  },
  {
    value: 'authenticated',
    label: 'authenticated — not encrypted, tampering detected (SHA-256)',
    description: 'Like authenticated-blake2, with HMAC-SHA256.',
  },
  {
    value: 'none',
    label: 'none — no encryption, no authentication',
    description: 'The data is neither encrypted nor authenticated, and no passphrase is used.',
  },
];

export function encryptionDescription(value: Encryption): string {
  return ENCRYPTION_MODES.find((mode) => mode.value === value)?.description ?? '';
}
