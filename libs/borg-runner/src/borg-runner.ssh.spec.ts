import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BorgError } from './borg-error';
import { descendantsOf, isAlive, waitFor } from './testing/helpers';
import { RealBorgFixture } from './testing/real-borg';
import { canRunSshd, startSshd, type TestSshd } from './testing/sshd';
import type { BorgConnection, BorgSshOptions } from './types';

jest.setTimeout(30_000);

/** borg over a real ssh connection to a throwaway sshd: proves BORG_RSH (quoting, known_hosts policy, key) end to end. */
(canRunSshd() ? describe : describe.skip)('BorgRunner on real borg over ssh', () => {
  let sshd: TestSshd;
  let fx: RealBorgFixture;
  let odd: string;
  let identityFile: string;

  beforeAll(async () => (sshd = await startSshd()));
  afterAll(() => sshd?.stop());
  beforeEach(() => {
    fx = new RealBorgFixture();
    odd = join(fx.dir, `ssh "files" it's 100%`); // blanks, quotes and % in every path ssh gets
    mkdirSync(odd);
    identityFile = sshd.authorizeNewKey(join(odd, 'id key'));
  });
  afterEach(() => fx.cleanup());

  const remote = (ssh: Partial<BorgSshOptions> = {}, name = 'repo'): BorgConnection => ({
    location: `ssh://root@127.0.0.1:${sshd.port}${join(fx.dir, name)}`,
    passphrase: 'over ssh',
    ssh: { identityFile, knownHostsFile: join(odd, 'known hosts'), strictHostKeyChecking: 'accept-new', connectTimeoutSeconds: 5, ...ssh },
  });

  it('accept-new records the host key; init, create, list and info work over ssh', async () => {
    const conn = remote();
    await fx.runner.init(conn, { encryption: 'repokey' });
    // ssh-keygen -F finds the host also when ssh_config hashes known_hosts entries.
    const found = execFileSync('ssh-keygen', ['-F', `[127.0.0.1]:${sshd.port}`, '-f', join(odd, 'known hosts')]).toString();
    expect(found).toContain('ssh-ed25519');
    const src = fx.sourceTree({ 'f.txt': 'remote\n' });
    const created = await fx.runner.create(conn, { archive: 'r1', paths: [src] });
    expect(created.result?.archive.stats.nfiles).toBe(1);
    await expect(fx.runner.listArchives(conn)).resolves.toMatchObject({ result: [{ name: 'r1' }] });
    const { result } = await fx.runner.info({ ...conn, ssh: { ...(conn.ssh as BorgSshOptions), strictHostKeyChecking: 'yes' } });
    expect(result.location).toBe(conn.location);
  });

  it("'yes' refuses a host that is not in known_hosts", async () => {
    const error = (await fx.runner.info(remote({ strictHostKeyChecking: 'yes' })).catch((e: unknown) => e)) as BorgError;
    expect(error).toMatchObject({ kind: 'exit', exitCode: 2, msgid: 'ConnectionClosedWithHint' });
    // borg may exit before relaying ssh's reason (under load it often does); ssh itself always says it.
    expect(await fx.runner.probeSsh(remote({ strictHostKeyChecking: 'yes' }))).toContain('Host key verification failed.');
    expect(existsSync(join(odd, 'known hosts'))).toBe(false);
  });

  it('a key the server does not know is refused (BatchMode: no prompt)', async () => {
    const unknownKey = remote({ identityFile: join(fx.dir, 'missing key') });
    const error = (await fx.runner.info(unknownKey).catch((e: unknown) => e)) as BorgError;
    expect(error).toMatchObject({ kind: 'exit', msgid: 'ConnectionClosedWithHint' });
    expect((await fx.runner.probeSsh(unknownKey)).join('\n')).toMatch(/Permission denied \(publickey\)/);
  });

  it('the ssh probe connects quietly when all is well, and names a closed port', async () => {
    const conn = remote();
    await fx.runner.init(conn, { encryption: 'repokey' });
    const quiet = await fx.runner.probeSsh(conn);
    expect(quiet.join('\n')).not.toMatch(/denied|failed|refused/i);
    const closed = await fx.runner.probeSsh({ ...conn, location: 'ssh://root@127.0.0.1:1/repo' });
    expect(closed.join('\n')).toMatch(/port 1: Connection refused/);
    expect(await fx.runner.probeSsh({ location: join(fx.dir, 'local') })).toEqual([]);
  });

  it('cancel kills borg and its ssh child', async () => {
    const conn = remote();
    await fx.runner.init(conn, { encryption: 'repokey' });
    await fx.holdLock({ location: join(fx.dir, 'repo'), passphrase: conn.passphrase }, 20);
    const abort = new AbortController();
    let borgPid = 0;
    const call = fx.runner.info(conn, { signal: abort.signal, lockWaitSeconds: 20, onSpawn: (pid) => (borgPid = pid) });
    let ssh: number[] = [];
    await waitFor(() => (ssh = descendantsOf(borgPid)).length > 0, 5000);
    await new Promise((resolve) => setTimeout(resolve, 500)); // let it reach the lock wait
    abort.abort();
    await expect(call).rejects.toMatchObject({ kind: 'cancelled' });
    expect(isAlive(borgPid)).toBe(false);
    for (const pid of ssh) expect(isAlive(pid)).toBe(false);
  });
});
