import {
  canRunHostSshd,
  connectionTo,
  HOST_SSHD_SKIP_REASON,
  makeTestClient,
  startHostSshd,
  type TestClient,
  type TestHost,
} from './testing';
import { SftpStatusError } from './sftp-client';
import { SshError } from './ssh-error';
import { SshRunner } from './ssh-runner';
import type { SshConnection } from './types';

const describeHost = canRunHostSshd() ? describe : describe.skip;

const NAMES = ['plain.txt', 'with space', "it's", '"double"', 'line\nbreak', 'ünï €', '-dash', '$(id)'];

describeHost(`SshRunner.openSftp against a real sshd (skipped unless ${HOST_SSHD_SKIP_REASON})`, () => {
  let host: TestHost;
  let client: TestClient;
  let connection: SshConnection;
  const runner = new SshRunner({ connectTimeoutSeconds: 5 });

  beforeAll(async () => {
    host = await startHostSshd();
    client = makeTestClient();
    host.authorize(client.publicKey);
    connection = connectionTo(host, client);
    // The tree, made by the user on the host: a file of each awkward name, a folder, a symlink, a fifo.
    const script = [
      'set -e',
      'cd "$HOME" && mkdir -p "my data/sub folder"',
      'cd "my data"',
      'for name in "$@"; do printf "%s" "$name" > "$name"; done',
      'ln -s plain.txt link',
      'mkfifo pipe',
      'touch -d @1700000000 plain.txt',
    ].join('\n');
    await host.runAs(['sh', '-c', script, 'sh', ...NAMES]);
  });

  afterAll(async () => {
    await host?.stop();
    client?.remove();
  });

  it('resolves the home directory and lists a folder with awkward names', async () => {
    const sftp = await runner.openSftp(connection);
    try {
      expect(await sftp.realpath('.')).toBe(host.home);
      const entries = await sftp.readdir(`${host.home}/my data`);
      const byName = new Map(entries.map((entry) => [entry.name, entry]));
      expect([...byName.keys()].sort()).toEqual([...NAMES, 'sub folder', 'link', 'pipe'].sort());
      for (const name of NAMES) {
        expect(byName.get(name)).toMatchObject({ type: 'file', size: Buffer.byteLength(name) });
      }
      expect(byName.get('sub folder')?.type).toBe('directory');
      expect(byName.get('link')?.type).toBe('symlink');
      expect(byName.get('pipe')?.type).toBe('other');
      expect(byName.get('plain.txt')?.modifiedAt).toEqual(new Date(1_700_000_000_000));
      expect(await sftp.readdir(`${host.home}/my data/sub folder`)).toEqual([]);
    } finally {
      await sftp.close();
    }
  });

  it('answers a missing folder with the server status, and the session goes on', async () => {
    const sftp = await runner.openSftp(connection);
    try {
      const error = await sftp.readdir(`${host.home}/nope`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SftpStatusError);
      expect((error as SftpStatusError).status).toBe(2);
      expect(await sftp.realpath(`${host.home}/my data/../my data`)).toBe(`${host.home}/my data`);
    } finally {
      await sftp.close();
    }
  });

  it('reports a refused login as an SshError', async () => {
    const { identityFile } = client.newKey('stranger');
    const error = await runner.openSftp({ ...connection, identityFile }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SshError);
    expect((error as SshError).code).toBe('AUTH_FAILED');
  });
});
