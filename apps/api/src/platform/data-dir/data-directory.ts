import { mkdirSync, realpathSync } from 'node:fs';
import { Logger, OnModuleInit } from '@nestjs/common';
import { ModeChange, restrictToOwner } from './owner-only';

/** Files 0600 and directories 0700, whoever creates them: the server, SQLite, borg, ssh-keygen, hooks. */
const PRIVATE_UMASK = 0o077;
const LOGGED_CHANGES = 20;

/**
 * The data directory (database, secret key, job logs, ssh keys, borg's files, archive indexes), made private to the
 * server's user before anything in it is opened: the process umask becomes 077, so what is created from now on is
 * private whatever mode its creator asks for, and what is already there loses every permission of the group and
 * others. The changes are logged once the logger is up.
 */
export class DataDirectory implements OnModuleInit {
  private readonly logger = new Logger('DataDirectory');

  private constructor(
    /** The real path (links resolved). */
    readonly path: string,
    private readonly modeChanges: ModeChange[],
  ) {}

  static open(configuredPath: string): DataDirectory {
    process.umask(PRIVATE_UMASK);
    mkdirSync(configuredPath, { recursive: true, mode: 0o700 });
    const path = realpathSync(configuredPath);
    return new DataDirectory(path, restrictToOwner(path));
  }

  onModuleInit(): void {
    if (this.modeChanges.length === 0) return;
    const shown = this.modeChanges.slice(0, LOGGED_CHANGES).map(({ path, from, to }) => `${path || this.path} ${octal(from)} → ${octal(to)}`);
    const more = this.modeChanges.length - shown.length;
    this.logger.warn(
      `The group and others had access to ${this.modeChanges.length} entries of the data directory; they are now private to its owner: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
    );
  }
}

function octal(mode: number): string {
  return mode.toString(8).padStart(4, '0');
}
