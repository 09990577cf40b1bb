import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  canRunHostSshd,
  connectionTo,
  HOST_SSHD_SKIP_REASON,
  makeTestClient,
  startHostSshd,
  type TestClient,
  type TestHost,
} from './testing';
import { SshRunner } from './ssh-runner';
import { shellQuote } from './shell-quote';
import type { SshConnection, TunnelledCommand } from './types';

const describeHost = canRunHostSshd() ? describe : describe.skip;

function read(stream: NodeJS.ReadableStream): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return () => text;
}

/** Live processes whose argv contains `needle`. */
function processesWith(needle: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`).toString('utf8').includes(needle);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describeHost(`SshRunner.startTunnelled against a real sshd (skipped unless ${HOST_SSHD_SKIP_REASON})`, () => {
  let host: TestHost;
  let client: TestClient;
  let connection: SshConnection;
  let dir: string;
  let server: Server;
  let localSocket: string;
  const runner = new SshRunner({ connectTimeoutSeconds: 5 });

  beforeAll(async () => {
    host = await startHostSshd();
    client = makeTestClient();
    host.authorize(client.publicKey);
    connection = connectionTo(host, client);
    await runner.run(connection, ['true']); // records the host key (ssh says so on stderr the first time)
    dir = mkdtempSync(join(tmpdir(), 'borgitory-tunnel-'));
    localSocket = join(dir, 'local.sock');
    // Answers each line with the line in upper case.
    server = createServer((socket) => {
      socket.on('data', (chunk: Buffer) => socket.write(chunk.toString('utf8').toUpperCase()));
    });
    await new Promise<void>((resolve) => server.listen(localSocket, resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
    await host?.stop();
    client?.remove();
  });

  it('lets the remote script talk to the local socket through the tunnel, with its stdin from write()', async () => {
    const remoteSocket = `${host.home}/tunnel-1.sock`;
    const script = [
      'IFS= read -r word',
      `printf 'hello %s\\n' "$word" | socat -t 2 STDIO UNIX-CONNECT:${shellQuote(remoteSocket)}`,
      `stat -c '%a %U' ${shellQuote(remoteSocket)}`,
    ].join('\n');
    const tunnelled = runner.startTunnelled(connection, { remoteSocket, localSocket, script });
    const stdout = read(tunnelled.stdout);
    const stderr = read(tunnelled.stderr);
    tunnelled.write('tunnel\n');
    const exit = await tunnelled.exited;
    expect(stderr()).toBe('');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(stdout()).toBe(`HELLO TUNNEL\n600 ${host.user}\n`);
  });

  it('ends the whole ssh process group on kill()', async () => {
    const remoteSocket = `${host.home}/tunnel-2.sock`;
    const tunnelled: TunnelledCommand = runner.startTunnelled(connection, {
      remoteSocket,
      localSocket,
      script: 'echo started; sleep 60',
    });
    const stdout = read(tunnelled.stdout);
    for (let i = 0; i < 100 && !stdout().includes('started'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stdout()).toBe('started\n');
    expect(processesWith(`${remoteSocket}:${localSocket}`)).toEqual([tunnelled.child.pid]);
    tunnelled.kill();
    const exit = await tunnelled.exited;
    // ssh catches SIGTERM and exits 255.
    expect(exit.signal === 'SIGTERM' || exit.code === 255).toBe(true);
    expect(processesWith(`${remoteSocket}:${localSocket}`)).toEqual([]);
  });

  it('fails at once when the forward cannot be set up', async () => {
    const tunnelled = runner.startTunnelled(connection, {
      remoteSocket: '/nonexistent-dir/x.sock',
      localSocket,
      script: 'echo should-not-run',
    });
    const stdout = read(tunnelled.stdout);
    const stderr = read(tunnelled.stderr);
    const exit = await tunnelled.exited;
    expect(exit.code).toBe(255);
    expect(stdout()).toBe('');
    expect(stderr()).toMatch(/forwarding failed/i);
  });

  it('refuses socket paths ssh would read otherwise', () => {
    expect(() => runner.startTunnelled(connection, { remoteSocket: 'relative.sock', localSocket, script: 'true' })).toThrow(TypeError);
    expect(() => runner.startTunnelled(connection, { remoteSocket: '/a:b', localSocket, script: 'true' })).toThrow(TypeError);
    expect(() => runner.startTunnelled(connection, { remoteSocket: '/a b', localSocket, script: 'true' })).toThrow(TypeError);
  });
});
