import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import S3rverAccounts from 's3rver/lib/models/account';

/** A test server on 127.0.0.1 whose files are in `dir`. */
export interface TestFileServer {
  port: number;
  /** Where the server keeps what it is sent (for S3: one folder per bucket). */
  dir: string;
  stop(): Promise<void>;
}

export interface TestSftpServer extends TestFileServer {
  user: string;
  password: string;
  /** The host's public key line ("ssh-ed25519 AAAA…"). */
  hostPublicKey: string;
}

export interface TestWebdavServer extends TestFileServer {
  url: string;
  user: string;
  password: string;
}

export interface TestS3Server extends TestFileServer {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const USER = 'borgitory';
const PASSWORD = 'test server password 7';
/** s3rver's built-in credentials. */
const S3RVER_KEY = 'S3RVER';

const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `rclone-${prefix}-`));

/** `rclone serve sftp` on 127.0.0.1 with a password and a host key of its own. */
export async function startSftpServer(): Promise<TestSftpServer> {
  const home = tempDir('sftp');
  const dir = join(home, 'files');
  mkdirSync(dir);
  const hostKey = join(home, 'host_key');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);
  const { child, port } = await serve(
    ['serve', 'sftp', dir, '--addr', '127.0.0.1:0', '--user', USER, '--key', hostKey],
    /listening on 127\.0\.0\.1:(\d+)/,
  );
  return {
    port,
    dir,
    user: USER,
    password: PASSWORD,
    hostPublicKey: readFileSync(`${hostKey}.pub`, 'utf8').trim(),
    stop: () => stop(child, home),
  };
}

/** `rclone serve webdav` on 127.0.0.1 with basic auth. */
export async function startWebdavServer(): Promise<TestWebdavServer> {
  const dir = tempDir('webdav');
  const { child, port } = await serve(
    ['serve', 'webdav', dir, '--addr', '127.0.0.1:0', '--user', USER],
    /started on http:\/\/127\.0\.0\.1:(\d+)/,
  );
  return { port, dir, url: `http://127.0.0.1:${port}/`, user: USER, password: PASSWORD, stop: () => stop(child, dir) };
}

/** s3rver (an S3 API in Node) on 127.0.0.1 with the given buckets; it also accepts the given secret key (under its own id). */
export async function startS3Server(buckets: string[], secretAccessKey = S3RVER_KEY): Promise<TestS3Server> {
  const dir = tempDir('s3');
  const accessKeyId = secretAccessKey === S3RVER_KEY ? S3RVER_KEY : `BORGITORY${randomBytes(6).toString('hex').toUpperCase()}`;
  S3rverAccounts.DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: dir,
    silent: true,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const address = (await server.run()) as { port: number };
  return {
    port: address.port,
    dir,
    endpoint: `http://127.0.0.1:${address.port}`,
    accessKeyId,
    secretAccessKey,
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts rclone with argv (its config empty, the password in the environment so that tests can look for it in every
 * process's argv) and waits for the line that names its port.
 */
function serve(args: string[], listening: RegExp): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn('rclone', [...args, '--config', ''], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, RCLONE_PASS: PASSWORD },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`rclone ${args[1]} did not start: ${output}`)), 15_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = listening.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]) });
      }
    });
    child.once('exit', (code) => fail(new Error(`rclone ${args[1]} exited with ${code}: ${output}`)));
  });
}

async function stop(child: ChildProcess, dir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
}
