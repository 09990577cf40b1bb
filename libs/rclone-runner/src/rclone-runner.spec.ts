import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RcloneError } from './rclone-error';
import { RcloneRunner } from './rclone-runner';
import {
  startS3Server,
  startSftpServer,
  startWebdavServer,
  type TestS3Server,
  type TestSftpServer,
  type TestWebdavServer,
} from './testing';
import type { RcloneEvent, RcloneProgress, RcloneRemote, RcloneTarget } from './types';

jest.setTimeout(60_000);

/** Real rclone 1.60 against real servers on 127.0.0.1. */
describe('RcloneRunner', () => {
  const rclone = new RcloneRunner({ rcloneBin: 'rclone' });
  let work: string;
  let source: string;
  let s3: TestS3Server;
  let sftp: TestSftpServer;
  let webdav: TestWebdavServer;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'rclone-runner-'));
    source = join(work, 'repo');
    mkdirSync(join(source, 'data', '0'), { recursive: true });
    writeFileSync(join(source, 'config'), 'a borg config\n');
    writeFileSync(join(source, 'data', '0', '1'), randomBytes(3 * 1024 * 1024));
    [s3, sftp, webdav] = await Promise.all([startS3Server(['backups']), startSftpServer(), startWebdavServer()]);
  });
  afterAll(async () => {
    await Promise.all([s3?.stop(), sftp?.stop(), webdav?.stop()]);
    rmSync(work, { recursive: true, force: true });
  });

  const s3Remote = (overrides: Record<string, string> = {}): RcloneRemote => ({
    type: 's3',
    options: {
      provider: 'Other',
      endpoint: s3.endpoint,
      access_key_id: s3.accessKeyId,
      secret_access_key: s3.secretAccessKey,
      force_path_style: 'true',
      no_check_bucket: 'true',
      ...overrides,
    },
  });
  async function webdavRemote(password = webdav.password): Promise<RcloneRemote> {
    const obscured = await rclone.obscure(password);
    return {
      type: 'webdav',
      options: { url: webdav.url, vendor: 'other', user: webdav.user, pass: obscured },
      secrets: [password, obscured],
    };
  }
  async function sftpRemote(hostKey: string): Promise<RcloneRemote> {
    const knownHosts = join(work, `known_hosts-${randomBytes(4).toString('hex')}`);
    writeFileSync(knownHosts, `[127.0.0.1]:${sftp.port} ${hostKey}\n`);
    const pass = await rclone.obscure(sftp.password);
    return {
      type: 'sftp',
      options: { host: '127.0.0.1', port: String(sftp.port), user: sftp.user, pass, known_hosts_file: knownHosts },
      secrets: [sftp.password, pass],
    };
  }
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a failure');
      },
      (error: RcloneError) => error,
    );

  it('gives up on a server that accepts connections and never answers after its network timeout, saying so', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket.on('error', () => undefined)));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const impatient = new RcloneRunner({ rcloneBin: 'rclone', networkTimeoutSeconds: 2, defaultTimeoutMs: 50_000 });
      const remote = s3Remote({ endpoint: `http://127.0.0.1:${port}` });
      const started = Date.now();
      const error = await failure(impatient.putObject({ remote, path: 'backups' }, 'probe', 'x'));
      // rclone's defaults (--timeout 5m) would wait minutes; each attempt now ends after 2 s.
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(error).toMatchObject({ kind: 'connection', message: expect.stringMatching(/^The server did not answer: /) });
      expect(error.command).toEqual(expect.arrayContaining(['--contimeout=2s', '--timeout=2s', '--retries=1', '--low-level-retries=1']));
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('obscures a password as rclone reveals it, without it in argv', async () => {
    const obscured = await rclone.obscure('correct horse');
    expect(obscured).not.toContain('correct horse');
    expect(execFileSync('rclone', ['reveal', '--config', '', '--', obscured], { encoding: 'utf8' }).trim()).toBe('correct horse');
    expect(await rclone.version()).toMatch(/^1\.\d+/);
  });

  it('copies a directory to S3 with progress, checks it, and downloads it back byte for byte', async () => {
    const target: RcloneTarget = { remote: s3Remote(), path: 'backups/borg/repo' };
    const progress: RcloneProgress[] = [];
    const result = await rclone.transfer(source, target, {
      mode: 'sync',
      onEvent: (event) => event.type === 'progress' && progress.push(event.progress),
    });
    expect(result.progress).toMatchObject({ bytes: 3 * 1024 * 1024 + 14, transfers: 2, totalTransfers: 2, errors: 0 });
    expect(progress.length).toBeGreaterThan(0);
    expect(existsSync(join(s3.dir, 'backups'))).toBe(true);

    expect(await rclone.check(source, target, { oneWay: false })).toEqual({
      matching: 2,
      differing: 0,
      missingOnRemote: 0,
      missingLocally: 0,
      errors: 0,
      comparedBy: 'md5',
      examples: [],
    });
    const back = join(work, 'from-s3');
    await rclone.download(target, back);
    expect(readFileSync(join(back, 'data', '0', '1')).equals(readFileSync(join(source, 'data', '0', '1')))).toBe(true);
  });

  it('sync deletes on the remote what is gone locally; copy leaves it', async () => {
    const local = join(work, 'mirror');
    mkdirSync(local);
    writeFileSync(join(local, 'keep'), 'keep');
    writeFileSync(join(local, 'gone-soon'), 'bye');
    for (const mode of ['copy', 'sync'] as const) {
      const target: RcloneTarget = { remote: await webdavRemote(), path: mode };
      writeFileSync(join(local, 'gone-soon'), 'bye');
      await rclone.transfer(local, target, { mode });
      rmSync(join(local, 'gone-soon'));
      await rclone.transfer(local, target, { mode });
      const names = (await rclone.list(target)).sort();
      expect(names).toEqual(mode === 'copy' ? ['gone-soon', 'keep'] : ['keep']);
      const check = await rclone.check(local, target, { oneWay: mode === 'copy' });
      expect(check).toMatchObject({ matching: 1, differing: 0, missingOnRemote: 0, missingLocally: 0 });
    }
  });

  it('moves a file it would overwrite to keepReplacedIn first', async () => {
    const local = join(work, 'changing');
    mkdirSync(local);
    const target: RcloneTarget = { remote: await webdavRemote(), path: 'changing/repo' };
    writeFileSync(join(local, 'segment'), 'first version');
    await rclone.transfer(local, target, { mode: 'copy', keepReplacedIn: 'changing/replaced/1' });
    writeFileSync(join(local, 'segment'), 'second version, longer');
    await rclone.transfer(local, target, { mode: 'copy', keepReplacedIn: 'changing/replaced/2' });
    expect(await rclone.getObject(target, 'segment')).toBe('second version, longer');
    expect(await rclone.getObject({ ...target, path: 'changing/replaced/2' }, 'segment')).toBe('first version');
    expect(await rclone.list({ ...target, path: 'changing/replaced' })).toEqual(['2/']);
  });

  it('gives rclone every option value joined to its option, also paths and backup dirs that start with "-"', async () => {
    const local = join(work, 'dashed');
    mkdirSync(local);
    const target: RcloneTarget = { remote: await webdavRemote(), path: '-dashed/repo' };
    const argv: string[][] = [];
    const onSpawn = (pid: number) => argv.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean));
    writeFileSync(join(local, 'segment'), 'first version');
    await rclone.transfer(local, target, { mode: 'copy', keepReplacedIn: '-dashed/replaced', bandwidthLimit: '10M' });
    writeFileSync(join(local, 'segment'), 'second version, longer');
    await rclone.transfer(local, target, { mode: 'copy', keepReplacedIn: '-dashed/replaced', bandwidthLimit: '10M', onSpawn });
    expect(await rclone.getObject({ ...target, path: '-dashed/replaced' }, 'segment')).toBe('first version');
    expect(await rclone.list(target, { onSpawn })).toEqual(['segment']);
    const [transfer, list] = argv;
    expect(transfer.slice(1)).toEqual([
      'copy',
      local,
      'target:-dashed/repo',
      '-v',
      '--stats=1s',
      '--retries=2',
      '--low-level-retries=3',
      '--bwlimit=10M',
      '--backup-dir=target:-dashed/replaced',
      '--config=',
      '--use-json-log',
      '--contimeout=30s',
      '--timeout=30s',
    ]);
    expect(list.slice(1)).toEqual([
      'lsf',
      'target:-dashed/repo',
      '--max-depth=1',
      '--retries=1',
      '--low-level-retries=1',
      '--config=',
      '--use-json-log',
      '--contimeout=30s',
      '--timeout=30s',
    ]);
  });

  it('reports what differs, with examples', async () => {
    // A local remote: what is changed on its disk is what rclone sees (rclone serve caches its listings).
    const copy = join(work, 'local-copy');
    const target: RcloneTarget = { remote: { type: 'local', options: {} }, path: copy };
    await rclone.transfer(source, target, { mode: 'sync' });
    writeFileSync(join(copy, 'config'), 'tampered, same size\n'.slice(0, 14));
    writeFileSync(join(copy, 'stray'), 'x');
    const check = await rclone.check(source, target, { oneWay: false });
    expect(check).toMatchObject({ matching: 1, differing: 1, missingLocally: 1, missingOnRemote: 0, comparedBy: 'md5' });
    expect(check.examples).toEqual(
      expect.arrayContaining([
        { path: 'config', problem: 'differs' },
        { path: 'stray', problem: 'missing_locally' },
      ]),
    );
  });

  it('writes, reads back and deletes a small object', async () => {
    const target: RcloneTarget = { remote: await sftpRemote(sftp.hostPublicKey), path: 'probe' };
    await rclone.putObject(target, '.borgitory-test', 'written by a test\n');
    expect(await rclone.getObject(target, '.borgitory-test')).toBe('written by a test\n');
    expect(await rclone.list(target)).toEqual(['.borgitory-test']);
    await rclone.deleteObject(target, '.borgitory-test');
    expect(await rclone.list(target)).toEqual([]);
  });

  it('says why it failed: host key, credentials, bucket, connection', async () => {
    const otherKey = join(work, 'other_key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', otherKey]);
    const mismatch = await failure(rclone.list({ remote: await sftpRemote(readFileSync(`${otherKey}.pub`, 'utf8').trim()), path: '' }));
    expect(mismatch).toMatchObject({ kind: 'host_key' });
    expect(mismatch.message).toContain('knownhosts: key mismatch');

    const wrongPassword = await failure(rclone.list({ remote: await webdavRemote('not the password'), path: '' }));
    expect(wrongPassword).toMatchObject({ kind: 'authentication' });
    expect(wrongPassword.message).not.toContain('not the password');

    const wrongKey = await failure(rclone.getObject({ remote: s3Remote({ access_key_id: 'NOBODY' }), path: 'backups' }, 'x'));
    expect(wrongKey).toMatchObject({ kind: 'authentication' });
    expect(wrongKey.message).toContain('InvalidAccessKeyId');

    const noBucket = await failure(rclone.putObject({ remote: s3Remote(), path: 'no-such-bucket' }, 'x', 'x'));
    expect(noBucket).toMatchObject({ kind: 'not_found', message: expect.stringContaining('The bucket does not exist') });

    const refused = await failure(rclone.list({ remote: s3Remote({ endpoint: 'http://127.0.0.1:1' }), path: 'backups' }));
    expect(refused).toMatchObject({ kind: 'connection' });
  });

  it('starts no rclone for an SFTP host or user it could misread, with an RcloneError of kind refused', async () => {
    const fake = join(work, 'fake-rclone');
    writeFileSync(fake, `#!/bin/sh\ntouch '${join(work, 'rclone-started')}'\n`, { mode: 0o755 });
    const runner = new RcloneRunner({ rcloneBin: fake });
    const refused: Array<Record<string, string>> = [{ host: '-oProxyCommand=touch$IFS"pwned"' }, { host: 'nas', user: '-F/dev/null' }];
    for (const options of refused) {
      const error = await failure(runner.list({ remote: { type: 'sftp', options }, path: '' }));
      expect(error).toBeInstanceOf(RcloneError);
      expect(error).toMatchObject({
        kind: 'refused',
        message: expect.stringMatching(/^rclone was not started: the (host|user) of the remote/),
      });
    }
    expect(existsSync(join(work, 'rclone-started'))).toBe(false);
  });

  it('keeps credentials out of argv while rclone runs, and stops it on abort', async () => {
    const remote = await webdavRemote();
    const controller = new AbortController();
    const seen: string[] = [];
    const events: RcloneEvent[] = [];
    const transfer = rclone.transfer(
      source,
      { remote, path: 'slow' },
      {
        mode: 'copy',
        bandwidthLimit: '256k',
        signal: controller.signal,
        onEvent: (event) => events.push(event),
        onSpawn: (pid) => {
          seen.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
          seen.push(readFileSync(`/proc/${pid}/environ`, 'utf8'));
        },
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    controller.abort();
    const stopped = await failure(transfer);
    expect(stopped.kind).toBe('cancelled');
    const [argv, environ] = seen;
    expect(argv.split('\0')).toEqual(expect.arrayContaining(['copy', source, 'target:slow', '--bwlimit=256k']));
    for (const secret of remote.secrets ?? []) expect(argv).not.toContain(secret);
    expect(environ).toContain(`RCLONE_CONFIG_TARGET_PASS=${remote.options['pass']}`);
    expect(environ).not.toContain(webdav.password);
  });
});
