import { join } from 'node:path';

// borg 1.2's scp-style location: [user@]host:path, host without ':' or '/', or an [IPv6] literal.
const SCP_STYLE = /^(?:[^@]+@)?(?:[^:/@]+|\[[0-9a-fA-F:.]+\]):./;

/** True when a location is remote (ssh:// or [user@]host:path). */
export function isRemoteLocation(location: string): boolean {
  const loc = location.trim();
  if (/^ssh:\/\//i.test(loc)) return true;
  if (loc.startsWith('/') || /^file:\/\//i.test(loc)) return false;
  return SCP_STYLE.test(loc);
}

/** `REPO::ARCHIVE` as borg 1.2 expects it. */
export function archiveLocation(location: string, archive: string): string {
  if (!archive) throw new TypeError('An archive name is required');
  return `${location}::${archive}`;
}

/** Where borg keeps keyfile-mode keys for a runner's baseDir (borg's own rule; BORG_KEYS_DIR is not set). */
export function borgKeysDir(baseDir: string): string {
  return join(baseDir, '.config', 'borg', 'keys');
}
