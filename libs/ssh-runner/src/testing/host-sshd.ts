import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A second "machine": a throwaway sshd on 127.0.0.1 and a fresh unprivileged user that logs in to it. */
export interface TestHost {
  port: number;
  user: string;
  /** The user's password (password logins are on). */
  password: string;
  home: string;
  /** The host's public key line ("ssh-ed25519 AAAA…"), as it is now. */
  readonly hostPublicKey: string;
  /** Adds a line to the user's ~/.ssh/authorized_keys (owned by the user, 0600). */
  authorize(line: string): void;
  /** Runs argv as the user on this machine (runuser, no shell); resolves with stdout, rejects on a non-zero exit. */
  runAs(argv: string[], stdin?: string): Promise<string>;
  /** Restarts sshd on the same port with a new host key (a reinstalled machine, or another one); the new key line. */
  changeHostKey(): Promise<string>;
  /** Ends sshd and every process of the user, then removes the user and its home. */
  stop(): Promise<void>;
}

/** True when a host sshd can run here (root, OpenSSH server installed). */
export function canRunHostSshd(): boolean {
  return existsSync('/usr/sbin/sshd') && typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Why host sshd tests are skipped here, for describe titles. */
export const HOST_SSHD_SKIP_REASON = 'needs root and /usr/sbin/sshd (a throwaway sshd and a test user)';

export async function startHostSshd(): Promise<TestHost> {
  const dir = mkdtempSync(join(tmpdir(), 'borgitory-host-sshd-'));
  const user = `bh${randomName(6)}`;
  const password = randomBytes(18).toString('base64url');
  let sshd: ChildProcess | null = null;
  try {
    await withRetry(() => execFileSync('useradd', ['-m', '-s', '/bin/sh', user], { stdio: 'pipe' }));
    await withRetry(() => execFileSync('chpasswd', { input: `${user}:${password}\n`, stdio: ['pipe', 'pipe', 'pipe'] }));
    const home = execFileSync('getent', ['passwd', user]).toString().trim().split(':')[5];
    const { uid, gid } = statSync(home);
    const port = await freePort();
    const hostKey = join(dir, 'host_key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);
    writeFileSync(
      join(dir, 'sshd_config'),
      [
        `Port ${port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${hostKey}`,
        `PidFile ${join(dir, 'sshd.pid')}`,
        `AllowUsers ${user}`,
        'PasswordAuthentication yes',
        'KbdInteractiveAuthentication no',
        'PubkeyAuthentication yes',
        'PermitRootLogin no',
        'UsePAM no',
        'AllowStreamLocalForwarding yes',
        'Subsystem sftp internal-sftp',
        'LogLevel ERROR',
      ].join('\n') + '\n',
    );
    mkdirSync('/run/sshd', { recursive: true }); // sshd's privilege separation directory
    const startSshd = async (): Promise<ChildProcess> => {
      const started = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: 'ignore' });
      sshd = started;
      await waitForPort(port, started);
      return started;
    };
    let running = await startSshd();
    const authorize = (line: string): void => {
      const sshDir = join(home, '.ssh');
      mkdirSync(sshDir, { recursive: true, mode: 0o700 });
      chownSync(sshDir, uid, gid);
      const file = join(sshDir, 'authorized_keys');
      writeFileSync(file, `${line.trim()}\n`, { flag: 'a', mode: 0o600 });
      chownSync(file, uid, gid);
    };
    return {
      port,
      user,
      password,
      home,
      get hostPublicKey() {
        return readFileSync(`${hostKey}.pub`, 'utf8').trim();
      },
      authorize,
      runAs: (argv, stdin) => runAs(user, argv, stdin),
      changeHostKey: async () => {
        await stopProcess(running);
        rmSync(hostKey, { force: true });
        rmSync(`${hostKey}.pub`, { force: true });
        execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);
        running = await startSshd();
        return readFileSync(`${hostKey}.pub`, 'utf8').trim();
      },
      stop: async () => {
        await stopProcess(running);
        removeUser(user, uid);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (sshd) await stopProcess(sshd);
    try {
      removeUser(user, Number(execFileSync('id', ['-u', user]).toString()));
    } catch {
      // the user was never created
    }
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The pids of live processes owned by uid (Linux /proc). */
export function processesOf(uid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (statSync(`/proc/${entry}`).uid === uid) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

function removeUser(user: string, uid: number): void {
  for (const pid of processesOf(uid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  try {
    execFileSync('userdel', ['-r', user], { stdio: 'ignore' });
  } catch (error) {
    // userdel also fails over a mail spool that was never made: only a user still there is a failure.
    if (userExists(user)) throw error;
  }
}

function userExists(user: string): boolean {
  try {
    execFileSync('getent', ['passwd', user], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function runAs(user: string, argv: string[], stdin?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('runuser', ['-u', user, '--', ...argv], { cwd: '/' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${argv.join(' ')} as ${user} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
    // A command that does not read its input may exit before the input is written; its exit code tells the rest.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(stdin ?? '');
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** useradd and chpasswd lock /etc/passwd: parallel test files may meet there. */
async function withRetry(work: () => unknown): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      work();
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

function randomName(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForPort(port: number, sshd: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (sshd.exitCode !== null) throw new Error('sshd exited early');
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`sshd did not listen on ${port}`);
}
