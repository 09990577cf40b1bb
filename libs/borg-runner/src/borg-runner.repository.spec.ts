import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BorgError } from './borg-error';
import { BorgRunner } from './borg-runner';
import { borgKeysDir } from './location';
import { REAL_BORG } from './testing/helpers';
import { RealBorgFixture } from './testing/real-borg';
import type { BorgEncryption } from './types';

/** Repository-level commands against the real borg binary, each test in its own BORG_BASE_DIR. */
jest.setTimeout(30_000);

describe('BorgRunner on real borg: repositories', () => {
  let fx: RealBorgFixture;
  beforeEach(() => (fx = new RealBorgFixture()));
  afterEach(() => fx.cleanup());

  it('reports the version', async () => {
    await expect(fx.runner.version()).resolves.toMatch(/^1\.\d+\.\d+/);
  });

  it("passes borg's self-tests, and works on after them without", async () => {
    await fx.runner.selfTest();
    const conn = fx.connection('repo', null);
    await fx.runner.init(conn, { encryption: 'none' });
    await expect(fx.runner.listArchives(conn)).resolves.toMatchObject({ result: [], exitCode: 0 });
  });

  const modes: BorgEncryption[] = [
    'none',
    'repokey',
    'repokey-blake2',
    'keyfile',
    'keyfile-blake2',
    'authenticated',
    'authenticated-blake2',
  ];
  it.each(modes)('init %s, then info shows it', async (mode) => {
    const conn = fx.connection('repo', mode === 'none' ? null : 'correct horse');
    const outcome = await fx.runner.init(conn, { encryption: mode });
    expect(outcome.exitCode).toBe(0);
    const { result: info, exitCode } = await fx.runner.info(conn);
    expect(exitCode).toBe(0);
    expect(info.location).toBe(conn.location);
    expect(info.id).toMatch(/^[0-9a-f]{64}$/);
    expect(info.lastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    expect(info.encryption.mode).toBe(mode);
    if (mode.startsWith('keyfile')) {
      expect(dirname(info.encryption.keyfile as string)).toBe(borgKeysDir(fx.baseDir));
      expect(existsSync(info.encryption.keyfile as string)).toBe(true);
    }
    expect(info.stats).toEqual({
      totalSize: 0,
      totalCompressedSize: 0,
      uniqueSize: 0,
      uniqueCompressedSize: 0,
      totalChunks: 0,
      totalUniqueChunks: 0,
    });
  });

  it('init --append-only', async () => {
    const conn = fx.connection();
    await fx.runner.init(conn, { encryption: 'repokey', appendOnly: true });
    expect(readFileSync(join(conn.location, 'config'), 'utf8')).toMatch(/append_only = 1/);
  });

  it('an encrypted init without passphrase fails fast instead of prompting', async () => {
    const error = await fx.runner.init(fx.connection('repo', null), { encryption: 'repokey', timeoutMs: 10_000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'exit', exitCode: 2, msgid: 'NoPassphraseFailure' });
  });

  it('init on an existing repository → Repository.AlreadyExists', async () => {
    const conn = await fx.repository('repokey');
    const error = await fx.runner.init(conn, { encryption: 'repokey' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BorgError);
    expect(error).toMatchObject({
      kind: 'exit',
      exitCode: 2,
      msgid: 'Repository.AlreadyExists',
      message: `A repository already exists at ${conn.location}.`,
    });
  });

  it('info on a directory that is no repository → Repository.InvalidRepository; on a missing one → Repository.DoesNotExist', async () => {
    const plain = fx.connection('plain-dir');
    mkdirSync(plain.location);
    await expect(fx.runner.info(plain)).rejects.toMatchObject({
      msgid: 'Repository.InvalidRepository',
      message: `${plain.location} is not a valid repository. Check repo config.`,
    });
    await expect(fx.runner.info(fx.connection('missing'))).rejects.toMatchObject({
      msgid: 'Repository.DoesNotExist',
      message: `Repository ${fx.connection('missing').location} does not exist.`,
    });
  });

  it('a wrong passphrase → PassphraseWrong', async () => {
    const conn = await fx.repository('repokey');
    const error = (await fx.runner.info({ ...conn, passphrase: 'wrong' }).catch((e: unknown) => e)) as BorgError;
    expect(error).toMatchObject({ kind: 'exit', exitCode: 2, msgid: 'PassphraseWrong' });
    expect(error.stderrTail.join('\n')).toContain('incorrect');
  });

  it('keyExport of a keyfile repository and keyImport into a fresh base dir restores access', async () => {
    const conn = await fx.repository('keyfile');
    const key = await fx.runner.keyExport(conn);
    expect(key).toMatch(/^BORG_KEY [0-9a-f]{64}\n/);
    const paper = await fx.runner.keyExport(conn, { paper: true });
    expect(paper).toContain('BORG PAPER KEY v1');

    const fresh = new BorgRunner({ borgBin: REAL_BORG, baseDir: join(fx.dir, 'other-base') });
    await expect(fresh.info(conn)).rejects.toMatchObject({ msgid: 'KeyfileNotFoundError' });
    const imported = await fresh.keyImport(conn, key);
    expect(imported.exitCode).toBe(0);
    expect(readdirSync(borgKeysDir(join(fx.dir, 'other-base')))).toHaveLength(1);
    await expect(fresh.info(conn)).resolves.toMatchObject({ result: { encryption: { mode: 'keyfile' } } });
  });

  it('deleteRepository removes it', async () => {
    const conn = await fx.repository('repokey');
    const outcome = await fx.runner.deleteRepository(conn);
    expect(outcome.exitCode).toBe(0);
    expect(existsSync(conn.location)).toBe(false);
    await expect(fx.runner.info(conn)).rejects.toMatchObject({ msgid: 'Repository.DoesNotExist' });
  });

  it('infoWithoutLock works while another borg holds the lock; plain info times out on it', async () => {
    const conn = await fx.repository('repokey');
    await fx.holdLock(conn, 10);
    await expect(fx.runner.info(conn, { lockWaitSeconds: 0 })).rejects.toMatchObject({ msgid: 'LockTimeout' });
    const { result } = await fx.runner.infoWithoutLock(conn);
    expect(result.location).toBe(conn.location);
    await expect(fx.runner.listArchives(conn, { bypassLock: true })).resolves.toMatchObject({ result: [] });
  });

  it('breakLock removes a lock another borg holds', async () => {
    const conn = await fx.repository('repokey');
    const holder = await fx.holdLock(conn, 10);
    await expect(fx.runner.info(conn, { lockWaitSeconds: 0 })).rejects.toMatchObject({ msgid: 'LockTimeout' });
    await expect(fx.runner.breakLock(conn)).resolves.toMatchObject({ exitCode: 0 });
    expect(existsSync(join(conn.location, 'lock.exclusive'))).toBe(false);
    await expect(fx.runner.info(conn, { lockWaitSeconds: 1 })).resolves.toMatchObject({ exitCode: 0 });
    await holder.release();
  });

  it('an unreachable ssh repository fails with the ssh reason; ssh accepted our quoted options', async () => {
    // Paths with blanks, quotes and % go through shlex (borg) and ssh's own parser; a quoting slip would make
    // ssh fail on its options instead of trying to connect.
    const odd = join(fx.dir, `ssh "dir" it's 100%`);
    mkdirSync(odd);
    writeFileSync(join(odd, 'id key'), '');
    const ssh = {
      knownHostsFile: join(odd, 'known hosts'),
      identityFile: join(odd, 'id key'),
      strictHostKeyChecking: 'yes' as const,
      connectTimeoutSeconds: 3,
    };
    const conn = { location: 'ssh://nobody@127.0.0.1:1/./repo', passphrase: 'x', ssh };
    const error = (await fx.runner.info(conn).catch((e: unknown) => e)) as BorgError;
    expect(error).toMatchObject({ kind: 'exit', exitCode: 2, msgid: 'ConnectionClosedWithHint' });
    expect(error.message).toMatch(/^Connection closed by remote host\. Is borg working on the server\?/);
    // Under load borg may exit before it relays ssh's reason; ssh run with the same options still tells it.
    const reason = error.message.includes('(ssh: ') ? error.message : (await fx.runner.probeSsh(conn)).join('\n');
    expect(reason).toContain('ssh: connect to host 127.0.0.1 port 1: Connection refused');
  });
});
