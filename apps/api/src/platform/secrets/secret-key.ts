import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SECRET_KEY_FILE = 'secret.key';

/**
 * The 32-byte master key: derived from BORGITORY_SECRET_KEY when it is set,
 * otherwise read from (or created as) a 0600 file in the data directory.
 */
export function loadMasterKey(dataDir: string, configuredKey: string | null): Buffer {
  if (configuredKey !== null) return createHash('sha256').update(configuredKey, 'utf8').digest();

  const file = join(dataDir, SECRET_KEY_FILE);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a base64-encoded 32-byte key`);
  return key;
}
