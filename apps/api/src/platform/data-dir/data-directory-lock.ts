import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'server.lock';

/** Who holds the data directory: a process (its pid and start time, which a reused pid does not share) and which directory. */
interface Holder {
  pid: number;
  /** Clock ticks after boot (/proc/PID/stat); null where /proc is missing. */
  startedAt: string | null;
  directory: string;
}

export class DataDirectoryInUseError extends Error {
  constructor(path: string, pid: number | null) {
    super(
      `The data directory ${path} is in use by ${pid === null ? 'another process' : `process ${pid}`}, another Borgitory server. ` +
        'Stop that server first, or give this one its own BORGITORY_DATA_DIR.',
    );
  }
}

/**
 * One server per data directory: two would run the same queue twice and take each other's running jobs for
 * crashed ones. The lock is a file naming the holder; one left by a server that is gone (killed, or its pid reused
 * after a reboot) or one copied along with the directory (it names another directory) does not count.
 */
export class DataDirectoryLock {
  private constructor(
    private readonly file: string,
    private readonly holder: Holder,
  ) {}

  /** @param identity what tells this directory from a copy of it (device and inode) */
  static acquire(path: string, identity: string): DataDirectoryLock {
    const file = join(path, LOCK_FILE);
    const mine: Holder = { pid: process.pid, startedAt: startTimeOf(process.pid), directory: identity };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(file, JSON.stringify(mine), { flag: 'wx', mode: 0o600 });
        return new DataDirectoryLock(file, mine);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(file);
      if (holder && holder.directory === identity && isRunning(holder)) throw new DataDirectoryInUseError(path, holder.pid);
      rmSync(file, { force: true });
    }
    // Another server took the stale lock between our two attempts.
    throw new DataDirectoryInUseError(path, readHolder(file)?.pid ?? null);
  }

  release(): void {
    const holder = readHolder(this.file);
    const mine =
      holder?.pid === this.holder.pid && holder.startedAt === this.holder.startedAt && holder.directory === this.holder.directory;
    if (mine) rmSync(this.file, { force: true });
  }
}

function readHolder(file: string): Holder | null {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.directory === 'string'
      ? { pid: holder.pid, startedAt: holder.startedAt ?? null, directory: holder.directory }
      : null;
  } catch {
    return null;
  }
}

function isRunning(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return holder.startedAt === null || startTimeOf(holder.pid) === holder.startedAt;
}

/** Field 22 of /proc/PID/stat: when the process started, in clock ticks after boot. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}
