import { mkdirSync, realpathSync, statSync } from 'node:fs';
import { Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataDirectoryLock } from './data-directory-lock';
import { ModeChange, restrictToOwner } from './owner-only';

/** Files 0600 and directories 0700, whoever creates them: the server, SQLite, borg, ssh-keygen, hooks. */
const PRIVATE_UMASK = 0o077;
const LOGGED_CHANGES = 20;

/**
 * The data directory (database, secret key, job logs, ssh keys, borg's files, archive indexes), opened before
 * anything in it is:
 * - made private to the server's user: the process umask becomes 077, so what is created from now on is private
 *   whatever mode its creator asks for, and what is already there loses every permission of the group and others
 *   (the changes are logged once the logger is up);
 * - locked, so that no second server runs on it (released at shutdown);
 * - identified by its device and inode, which a copy of it does not share: `instanceId` marks the processes this
 *   installation starts, so that crash recovery never mistakes another server's borg for its own.
 */
export class DataDirectory implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('DataDirectory');

  private constructor(
    /** The real path (links resolved). */
    readonly path: string,
    readonly instanceId: string,
    private readonly lock: DataDirectoryLock,
    private readonly modeChanges: ModeChange[],
  ) {}

  /** Throws DataDirectoryInUseError when another server holds it. */
  static open(configuredPath: string): DataDirectory {
    process.umask(PRIVATE_UMASK);
    mkdirSync(configuredPath, { recursive: true, mode: 0o700 });
    const path = realpathSync(configuredPath);
    const instanceId = directoryIdentity(path);
    const lock = DataDirectoryLock.acquire(path, instanceId);
    try {
      return new DataDirectory(path, instanceId, lock, restrictToOwner(path));
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  onModuleInit(): void {
    if (this.modeChanges.length === 0) return;
    const shown = this.modeChanges
      .slice(0, LOGGED_CHANGES)
      .map(({ path, from, to }) => `${path || this.path} ${octal(from)} → ${octal(to)}`);
    const more = this.modeChanges.length - shown.length;
    this.logger.warn(
      `The group and others had access to ${this.modeChanges.length} entries of the data directory; they are now private to its owner: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
    );
  }

  onApplicationShutdown(): void {
    this.release();
  }

  /** Lets another server use the directory; also when this one failed to start. */
  release(): void {
    this.lock.release();
  }
}

/** Device and inode: the same for this directory wherever it is moved on its file system, different for any copy. */
export function directoryIdentity(path: string): string {
  const { dev, ino } = statSync(path, { bigint: true });
  return `${dev.toString(16)}-${ino.toString(16)}`;
}

function octal(mode: number): string {
  return mode.toString(8).padStart(4, '0');
}
