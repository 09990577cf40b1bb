import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { RefusedDestinationError } from '@borgitory/remote-host';
import {
  canRunHostSshd,
  connectionTo,
  HOST_SSHD_SKIP_REASON,
  makeTestClient,
  startHostSshd,
  type TestClient,
  type TestHost,
} from './testing';
import { SshError } from './ssh-error';
import { SshRunner } from './ssh-runner';
import type { SshConnection } from './types';

const describeHost = canRunHostSshd() ? describe : describe.skip;

/** Local ssh processes whose argv names `destination`. */
function localSshTo(destination: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const argv = readFileSync(`/proc/${entry}/cmdline`).toString('utf8').split('\0');
        return argv[0] === 'ssh' && argv.includes(destination);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describeHost(`SshRunner against a real sshd (skipped unless ${HOST_SSHD_SKIP_REASON})`, () => {
  let host: TestHost;
  let client: TestClient;
  let connection: SshConnection;
  const runner = new SshRunner({ connectTimeoutSeconds: 5 });

  beforeAll(async () => {
    host = await startHostSshd();
    client = makeTestClient();
    host.authorize(client.publicKey);
    connection = connectionTo(host, client);
  });

  afterAll(async () => {
    await host?.stop();
    client?.remove();
  });

  const AWKWARD = [
    'a b',
    "it's",
    '"dq"',
    '$(id -un)',
    '`id`',
    'a;b',
    '&& true',
    '|',
    '-n',
    '--',
    '*',
    '~',
    'line\nbreak',
    '\\',
    'üñí €',
    '',
  ];

  it('runs argv with awkward words exactly', async () => {
    const result = await runner.run(connection, ['printf', '%s\\0', '--', ...AWKWARD]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\0').slice(0, -1)).toEqual(['--', ...AWKWARD]);
  });

  it('takes a leading "-" word as a positional after --', async () => {
    const result = await runner.run(connection, ['ls', '-d', '--', '-not-an-option']);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('-not-an-option');
    expect(result.stderr).not.toMatch(/invalid option/);
  });

  it('passes stdin and the exit code, and runs as the user', async () => {
    const result = await runner.run(connection, ['sh', '-c', 'cat; id -un; exit 3'], { stdin: 'in put\n' });
    expect(result).toEqual({ exitCode: 3, stdout: `in put\n${host.user}\n`, stderr: '' });
  });

  it("returns a command's own exit 255, and ends a call whose output is too large", async () => {
    expect(await runner.run(connection, ['sh', '-c', 'echo mine >&2; exit 255'])).toEqual({ exitCode: 255, stdout: '', stderr: 'mine\n' });
    const error = await runner.run(connection, ['head', '-c', String(17 * 1024 * 1024), '/dev/zero']).catch((e: unknown) => e);
    expect((error as SshError).code).toBe('REMOTE_FAILED');
    expect((error as SshError).message).toContain('more than');
  });

  it('runs a script with values quoted by shellQuote', async () => {
    const { shellQuote } = await import('./shell-quote');
    const script = AWKWARD.map((word) => `printf '%s\\0' ${shellQuote(word)}`).join('\n');
    const result = await runner.runScript(connection, script);
    expect(result.stdout.split('\0').slice(0, -1)).toEqual(AWKWARD);
  });

  it('records the host key first seen, then enforces it', async () => {
    expect(readFileSync(client.knownHostsFile, 'utf8')).toContain(host.hostPublicKey.split(' ')[1]);
    const newKey = await host.changeHostKey();
    const error = await runner.run(connection, ['true']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SshError);
    expect((error as SshError).code).toBe('HOST_KEY_MISMATCH');
    expect((error as SshError).message).toContain('not the one recorded');
    const strict = await runner.run({ ...connection, hostKeyPolicy: 'strict' }, ['true']).catch((e: unknown) => e);
    expect((strict as SshError).code).toBe('HOST_KEY_MISMATCH');
    // The user accepts the new key (the host was reinstalled): logins work again, strictly.
    writeFileSync(client.knownHostsFile, `[127.0.0.1]:${host.port} ${newKey}\n`);
    expect((await runner.run({ ...connection, hostKeyPolicy: 'strict' }, ['true'])).exitCode).toBe(0);
  });

  it('refuses an unknown host key under strict', async () => {
    const knownHostsFile = `${client.dir}/empty_known_hosts`;
    const error = await runner.run({ ...connection, knownHostsFile, hostKeyPolicy: 'strict' }, ['true']).catch((e: unknown) => e);
    expect((error as SshError).code).toBe('HOST_KEY_UNKNOWN');
  });

  it('takes a given host key under strict', async () => {
    const knownHostsFile = `${client.dir}/given_known_hosts`;
    writeFileSync(knownHostsFile, `[127.0.0.1]:${host.port} ${host.hostPublicKey}\n`);
    const result = await runner.run({ ...connection, knownHostsFile, hostKeyPolicy: 'strict' }, ['echo', 'ok']);
    expect(result.stdout).toBe('ok\n');
  });

  it('reports a key the host does not accept as AUTH_FAILED', async () => {
    const { identityFile } = client.newKey('unknown_key');
    const error = await runner.run({ ...connection, identityFile }, ['true']).catch((e: unknown) => e);
    expect((error as SshError).code).toBe('AUTH_FAILED');
  });

  it('reports a closed port as UNREACHABLE', async () => {
    const { freePort } = await import('./testing');
    const error = await runner.run({ ...connection, port: await freePort() }, ['true']).catch((e: unknown) => e);
    expect((error as SshError).code).toBe('UNREACHABLE');
    expect((error as SshError).message).toContain('refused');
  });

  it('refuses a hostile destination before starting ssh', async () => {
    await expect(runner.run({ ...connection, host: '-oProxyCommand=touch /tmp/x' }, ['true'])).rejects.toBeInstanceOf(
      RefusedDestinationError,
    );
  });

  it('ends the call at its timeout, and on abort', async () => {
    const timedOut = await runner.run(connection, ['sleep', '30'], { timeoutMs: 1500 }).catch((e: unknown) => e);
    expect((timedOut as SshError).code).toBe('TIMEOUT');
    const controller = new AbortController();
    const pending = runner.run(connection, ['sleep', '30'], { signal: controller.signal }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(localSshTo(`${host.user}@127.0.0.1`)).toHaveLength(1);
    controller.abort();
    expect(((await pending) as SshError).code).toBe('CANCELLED');
    expect(localSshTo(`${host.user}@127.0.0.1`)).toEqual([]);
  });

  it('probes the host', async () => {
    const probe = await runner.probe(connection);
    expect(probe.user).toBe(host.user);
    expect(probe.home).toBe(host.home);
    expect(probe.borgVersion).toMatch(/^1\.\d+\.\d+/);
    expect(probe.socatVersion).toMatch(/^\d+\.\d+/);
    expect(probe.freeBytes).toBeGreaterThan(0);
    expect(probe.missing).toEqual([]);
  });
});
