import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { makeTempDir, removeDir } from './helpers';

export interface TestSshd {
  port: number;
  /** The server's own directory (config, keys); repositories may live in it too. */
  dir: string;
  /** The host's public key line ("ssh-ed25519 AAAA…"). */
  hostPublicKey: string;
  /** Writes an ed25519 key pair at path (and path.pub), authorises it, returns the private key path. */
  authorizeNewKey(path: string): string;
  /** Adds a public key line to authorized_keys. */
  authorize(publicKey: string): void;
  stop(): Promise<void>;
}

/** True when a throwaway sshd can run here (root, OpenSSH server installed). */
export function canRunSshd(): boolean {
  return existsSync('/usr/sbin/sshd') && typeof process.getuid === 'function' && process.getuid() === 0;
}

/** A real sshd on 127.0.0.1 with its own host key, key-only auth and its own authorized_keys. */
export async function startSshd(): Promise<TestSshd> {
  const dir = makeTempDir('sshd');
  const port = await freePort();
  const hostKey = join(dir, 'host_key');
  const authorizedKeys = join(dir, 'authorized_keys');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);
  writeFileSync(authorizedKeys, '', { mode: 0o600 });
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${authorizedKeys}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      'PermitRootLogin prohibit-password',
      'StrictModes no',
      'UsePAM no',
      // For rclone's SFTP remotes in the API's cloud sync tests.
      'Subsystem sftp internal-sftp',
      'LogLevel ERROR',
    ].join('\n') + '\n',
  );
  mkdirSync('/run/sshd', { recursive: true }); // sshd's privilege separation directory
  const sshd: ChildProcess = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: 'ignore' });
  await waitForPort(port, sshd);
  const authorize = (publicKey: string) => writeFileSync(authorizedKeys, `${publicKey.trim()}\n`, { flag: 'a' });
  return {
    port,
    dir,
    hostPublicKey: readFileSync(`${hostKey}.pub`, 'utf8').trim(),
    authorize,
    authorizeNewKey: (path) => {
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path]);
      authorize(readFileSync(`${path}.pub`, 'utf8'));
      return path;
    },
    stop: async () => {
      if (sshd.exitCode === null && sshd.signalCode === null) {
        const exited = new Promise((resolve) => sshd.once('exit', resolve));
        sshd.kill('SIGTERM');
        await exited;
      }
      removeDir(dir);
    },
  };
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
