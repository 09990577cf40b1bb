import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/** Every process's argv, read again and again until `work` settles. */
async function argvsWhile(work: Promise<unknown>): Promise<string[]> {
  let settled = false;
  void work.finally(() => (settled = true)).catch(() => undefined);
  const seen = new Set<string>();
  while (!settled) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        seen.add(readFileSync(`/proc/${entry}/cmdline`).toString('utf8').replace(/\0/g, ' '));
      } catch {
        // gone meanwhile
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return [...seen];
}

const askpassDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith('borgitory-askpass-'));

describeHost(`SshRunner.installKey against a real sshd (skipped unless ${HOST_SSHD_SKIP_REASON})`, () => {
  let host: TestHost;
  let client: TestClient;
  let connection: SshConnection;
  const runner = new SshRunner({ connectTimeoutSeconds: 5 });

  beforeAll(async () => {
    host = await startHostSshd();
    client = makeTestClient();
    connection = connectionTo(host, client);
  });

  afterAll(async () => {
    await host?.stop();
    client?.remove();
  });

  it('refuses the key before it is installed', async () => {
    const error = await runner.run(connection, ['true']).catch((e: unknown) => e);
    expect((error as SshError).code).toBe('AUTH_FAILED');
  });

  it('reports a wrong password as AUTH_FAILED and leaves nothing behind', async () => {
    const before = askpassDirs();
    const error = await runner.installKey(connection, `${host.password}x`, client.publicKey).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SshError);
    expect((error as SshError).code).toBe('AUTH_FAILED');
    expect(askpassDirs()).toEqual(before);
  });

  it('installs the key with the password, which no argv holds; the key then logs in', async () => {
    const before = askpassDirs();
    const install = runner.installKey(connection, host.password, client.publicKey);
    const argvs = await argvsWhile(install);
    await install;
    expect(argvs.some((argv) => argv.includes('PreferredAuthentications=password'))).toBe(true); // the scan saw ssh
    expect(argvs.filter((argv) => argv.includes(host.password))).toEqual([]);
    expect(askpassDirs()).toEqual(before);
    const result = await runner.run(connection, ['id', '-un']);
    expect(result.stdout).toBe(`${host.user}\n`);
  });

  it('adds the line once however often it is installed, with the modes sshd wants', async () => {
    await runner.installKey(connection, host.password, client.publicKey);
    const keys = await host.runAs(['cat', `${host.home}/.ssh/authorized_keys`]);
    expect(keys.split('\n').filter((line) => line === client.publicKey)).toHaveLength(1);
    const modes = await host.runAs(['stat', '-c', '%a %U', `${host.home}/.ssh`, `${host.home}/.ssh/authorized_keys`]);
    expect(modes).toBe(`700 ${host.user}\n600 ${host.user}\n`);
  });

  it('refuses an unknown host key under strict before sending the password', async () => {
    const knownHostsFile = `${client.dir}/empty_known_hosts`;
    const error = await runner
      .installKey({ ...connection, knownHostsFile, hostKeyPolicy: 'strict' }, host.password, client.publicKey)
      .catch((e: unknown) => e);
    expect((error as SshError).code).toBe('HOST_KEY_UNKNOWN');
  });
});
