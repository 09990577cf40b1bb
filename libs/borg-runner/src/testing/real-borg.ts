import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BorgRunner } from '../borg-runner';
import type { BorgConnection, BorgEncryption } from '../types';
import { makeTempDir, REAL_BORG, removeDir, waitFor, writeTree } from './helpers';

/** One temporary BORG_BASE_DIR with a runner on the real borg, plus places for repositories and sources. */
export class RealBorgFixture {
  readonly dir = makeTempDir('real');
  readonly baseDir = join(this.dir, 'base');
  readonly runner = new BorgRunner({ borgBin: REAL_BORG, baseDir: this.baseDir, defaultTimeoutMs: 30_000 });
  private readonly holders: ChildProcess[] = [];

  connection(name = 'repo', passphrase: string | null = 'correct horse'): BorgConnection {
    return { location: join(this.dir, name), passphrase };
  }

  /** Initialises a repository and returns its connection. */
  async repository(encryption: BorgEncryption = 'repokey', name = 'repo'): Promise<BorgConnection> {
    const conn = this.connection(name, encryption === 'none' ? null : 'correct horse');
    await this.runner.init(conn, { encryption });
    return conn;
  }

  /** A small source tree; returns its absolute path. */
  sourceTree(files: Record<string, string | Buffer>, name = 'src'): string {
    const root = join(this.dir, name);
    writeTree(root, files);
    return root;
  }

  /** Holds the repository lock with `borg with-lock REPO sleep N` until release() or cleanup(). */
  async holdLock(conn: BorgConnection, seconds = 5): Promise<{ release(): Promise<void> }> {
    const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: process.env['HOME'], BORG_BASE_DIR: this.baseDir };
    if (conn.passphrase) env['BORG_PASSPHRASE'] = conn.passphrase;
    const args = ['with-lock', conn.location, 'sleep', String(seconds)];
    const child = spawn(REAL_BORG, args, { env, detached: true, stdio: 'ignore' });
    this.holders.push(child);
    await waitFor(() => existsSync(join(conn.location, 'lock.exclusive')), 5000);
    return { release: () => stopHolder(child) };
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.holders.map(stopHolder));
    removeDir(this.dir);
  }
}

function stopHolder(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      resolve();
    }
  });
}
