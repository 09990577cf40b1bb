import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMasterKey, SECRET_KEY_FILE } from './secret-key';
import { SecretsService } from './secrets.service';

describe('SecretsService', () => {
  const secrets = new SecretsService(Buffer.alloc(32, 7));

  it('round-trips a secret and never stores the plaintext', () => {
    const sealed = secrets.encrypt('correct horse battery staple', 'repository.passphrase');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('horse');
    expect(secrets.decrypt(sealed, 'repository.passphrase')).toBe('correct horse battery staple');
  });

  it('uses a fresh IV each time', () => {
    expect(secrets.encrypt('same', 'p')).not.toBe(secrets.encrypt('same', 'p'));
  });

  it('refuses a value sealed for another purpose or tampered with', () => {
    const sealed = secrets.encrypt('secret', 'a');
    expect(() => secrets.decrypt(sealed, 'b')).toThrow();
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => secrets.decrypt(`v1:${raw.toString('base64')}`, 'a')).toThrow();
  });

  it('refuses a key of the wrong size', () => {
    expect(() => new SecretsService(Buffer.alloc(16))).toThrow();
  });
});

describe('loadMasterKey', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'borgitory-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a 0600 key file once and reuses it', () => {
    const first = loadMasterKey(dir, null);
    const file = join(dir, SECRET_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first).toHaveLength(32);
    expect(loadMasterKey(dir, null).equals(first)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('base64'));
  });

  it('derives the key from BORGITORY_SECRET_KEY without touching the data directory', () => {
    const key = loadMasterKey(join(dir, 'unused'), 'k'.repeat(40));
    expect(key).toHaveLength(32);
    expect(loadMasterKey(join(dir, 'unused'), 'k'.repeat(40)).equals(key)).toBe(true);
  });
});
