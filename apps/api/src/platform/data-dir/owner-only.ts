import { chmodSync, lstatSync, readdirSync, Stats } from 'node:fs';
import { join, relative } from 'node:path';

export interface ModeChange {
  /** Relative to the root; the root itself is ''. */
  path: string;
  from: number;
  to: number;
}

/** Permission bits that let the group or others in. */
const GROUP_AND_OTHERS = 0o077;

/**
 * Takes every permission of the group and of others away from root (a real path, not a link) and everything below
 * it; the owner's bits are kept (an executable stays executable for its owner). Symbolic links are never followed
 * and other file systems mounted below root are not entered, so nothing outside the directory changes. Entries that
 * vanish meanwhile (an orphaned borg tidying its cache) are skipped. Returns what changed.
 */
export function restrictToOwner(root: string): ModeChange[] {
  const changes: ModeChange[] = [];
  const rootStats = lstatSync(root);
  const pending: Array<{ path: string; stats: Stats }> = [{ path: root, stats: rootStats }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { path, stats } = next;
    const from = stats.mode & 0o7777;
    if ((from & GROUP_AND_OTHERS) !== 0) {
      const to = from & ~GROUP_AND_OTHERS;
      if (!ignoreVanished(() => chmodSync(path, to))) continue;
      changes.push({ path: relative(root, path), from, to });
    }
    if (!stats.isDirectory()) continue;
    let names: string[] = [];
    if (!ignoreVanished(() => (names = readdirSync(path)))) continue;
    for (const name of names) {
      const child = join(path, name);
      const childStats = lstatSync(child, { throwIfNoEntry: false });
      if (!childStats || childStats.isSymbolicLink() || childStats.dev !== rootStats.dev) continue;
      pending.push({ path: child, stats: childStats });
    }
  }
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}

/** Runs the call; false when its path no longer exists. */
function ignoreVanished(call: () => unknown): boolean {
  try {
    call();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
