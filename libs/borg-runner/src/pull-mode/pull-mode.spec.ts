import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { REAL_BORG, waitFor } from '../testing/helpers';
import { allCommandLines, processesMentioning, runOnHost } from '../testing/pull-host';
import { RealBorgFixture } from '../testing/real-borg';
import { BorgServeBridge, type PullConnectionEnd } from './borg-serve-bridge';
import { remoteCancelScript } from './remote-borg-script';
import { REFUSAL_EXCEPTION_CLASS } from './rpc-error-reply';

/**
 * Pull mode on the real borg and socat, without ssh: the "host's" script runs here with the bridge's socket in
 * place of the reverse-forwarded one. The repository is read directly, never through the bridge, to check results.
 */
jest.setTimeout(60_000);

const PASSPHRASE = 'pull mode ünïcode $(secret) passphrase';
const run = promisify(execFile);

describe('pull mode on real borg', () => {
  let fx: RealBorgFixture;
  let repositoryPath: string;
  let bridge: BorgServeBridge;
  let source: string;
  const hostBase = () => join(fx.dir, 'host-base');

  beforeEach(async () => {
    fx = new RealBorgFixture();
    // An awkward repository path: blanks, a quote and a colon.
    repositoryPath = join(fx.dir, `repo it's a:b`);
    await fx.runner.init({ location: repositoryPath, passphrase: PASSPHRASE }, { encryption: 'repokey' });
    source = fx.sourceTree({ 'docs/a.txt': 'alpha\n', 'docs/sub dir/b.txt': 'beta\n', 'c.bin': randomBytes(4096) });
    bridge = await BorgServeBridge.start({ repositoryPath, borgBinary: REAL_BORG });
  });
  afterEach(async () => {
    await bridge?.close();
    await fx.cleanup();
  });

  function onHost(borgArgs: string[], passphrase: string | null = PASSPHRASE) {
    return runOnHost({ socketPath: bridge.socketPath, repositoryPath, borgArgs, passphrase, baseDir: hostBase() });
  }

  async function listDirectly(): Promise<string[]> {
    const { stdout } = await run(REAL_BORG, ['list', '--short', repositoryPath], { env: directEnv() });
    return stdout.split('\n').filter(Boolean);
  }

  function directEnv(): NodeJS.ProcessEnv {
    return { PATH: process.env['PATH'], BORG_BASE_DIR: fx.baseDir, BORG_PASSPHRASE: PASSPHRASE };
  }

  it('backs up a tree of the host; borg list on the repository shows its paths', async () => {
    expect(statSync(dirname(bridge.socketPath)).mode & 0o777).toBe(0o700);
    const ends: Promise<PullConnectionEnd>[] = [];
    bridge.onConnection((connection) => ends.push(connection.ended));
    const host = await onHost(['create', '--json', '--log-json', '::first', source]).done;
    expect(ends).toHaveLength(1);
    const end = await ends[0];
    expect(end?.exit.code).toBe(0);
    expect(end?.refusal).toBeNull();
    expect(host.stderr).toMatch(/^borgitory-pid \d+\n/);
    expect(host.code).toBe(0);
    expect(JSON.parse(host.stdout).archive.name).toBe('first');
    expect(await listDirectly()).toEqual(['first']);
    const { stdout } = await run(REAL_BORG, ['list', '--short', `${repositoryPath}::first`], { env: directEnv() });
    const paths = stdout.split('\n').filter(Boolean);
    expect(paths).toEqual(expect.arrayContaining([`${source.slice(1)}/docs/a.txt`, `${source.slice(1)}/docs/sub dir/b.txt`]));
    expect(bridge.refusals).toEqual([]);

    // list, info and extract through the bridge are allowed too.
    const listed = await onHost(['list', '--json']).done;
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).archives.map((a: { name: string }) => a.name)).toEqual(['first']);
    expect((await onHost(['info', '--json', '::first']).done).code).toBe(0);
    const target = join(fx.dir, 'restore');
    mkdirSync(target);
    const extracted = await runOnHost({
      socketPath: bridge.socketPath,
      repositoryPath,
      borgArgs: ['extract', `::first`, `${source.slice(1)}/docs`],
      passphrase: PASSPHRASE,
      baseDir: hostBase(),
      cwd: target,
    }).done;
    expect(extracted.code).toBe(0);
    expect(readFileSync(join(target, source.slice(1), 'docs/sub dir/b.txt'), 'utf8')).toBe('beta\n');
    expect(bridge.refusals).toEqual([]);
  });

  it('refuses borg delete of an archive, prune and deleting the repository; the archive stays', async () => {
    expect((await onHost(['create', '::old', source]).done).code).toBe(0);
    expect((await onHost(['create', '::new', source]).done).code).toBe(0);

    const deleted = await onHost(['delete', '--log-json', '::old']).done;
    expect(deleted.code).toBe(2);
    const error = JSON.parse(deleted.stderr.split('\n')[1] as string);
    expect(error).toMatchObject({ type: 'log_message', levelname: 'ERROR', msgid: REFUSAL_EXCEPTION_CLASS });
    expect(error.message).toMatch(/^Borgitory pull mode refused 'delete': a host may add archives/);

    const pruned = await onHost(['prune', '--keep-last', '1']).done;
    expect(pruned.code).toBe(2);
    expect(pruned.stderr).toContain("Borgitory pull mode refused 'delete'");

    const destroyed = await onHost(['delete', '--force']).done;
    expect(destroyed.code).toBe(2);
    expect(destroyed.stderr).toContain("Borgitory pull mode refused 'destroy'");

    expect(await listDirectly()).toEqual(['old', 'new']);
    expect(bridge.refusals.map((r) => r.method)).toEqual(['delete', 'delete', 'destroy']);
    // Nothing lingers and the repository is not locked: the next backup completes.
    expect((await onHost(['create', '::after', source]).done).code).toBe(0);
    expect(await listDirectly()).toEqual(['old', 'new', 'after']);
  });

  it('ends a connection that does not speak borg: refused, its borg serve exits, the socket is closed', async () => {
    const ended = new Promise<PullConnectionEnd>((resolve) => bridge.onConnection((c) => resolve(c.ended)));
    const socket = connect(bridge.socketPath);
    socket.resume();
    const closed = new Promise((resolve) => socket.once('close', resolve));
    const started = Date.now();
    socket.write(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
    const end = await ended;
    await closed;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(end.refusal).toMatchObject({ reason: 'protocol' });
    expect(end.exit.code).toBe(0);
    expect(bridge.refusals).toHaveLength(1);
    expect(processesMentioning(repositoryPath)).toEqual([]);
  });

  it('keeps checkpoints working: create deletes its own checkpoint metadata', async () => {
    // A FIFO fed slowly (with --read-special) makes the backup last for several checkpoint intervals.
    const fifo = join(source, 'slow.fifo');
    execFileSync('mkfifo', [fifo]);
    const host = onHost(['create', '--read-special', '--checkpoint-interval', '1', '--compression', 'none', '::slow', source]);
    const writer = createWriteStream(fifo);
    for (let i = 0; i < 12; i++) {
      await new Promise<void>((resolve, reject) => writer.write(randomBytes(1024 * 1024), (e) => (e ? reject(e) : resolve())));
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await new Promise((resolve) => writer.end(resolve));
    const result = await host.done;
    expect(result.stderr).toBe(result.stderr.split('\n')[0] + '\n');
    expect(result.code).toBe(0);
    expect(bridge.refusals).toEqual([]);
    expect(await listDirectly()).toEqual(['slow']);
    // An append-only repository logs each commit: checkpoints were committed before the archive.
    const commits = readFileSync(join(repositoryPath, 'transactions'), 'utf8').split('\n').filter(Boolean);
    expect(commits.length).toBeGreaterThanOrEqual(3);
  });

  it('close() mid-backup fails the host borg, leaves no borg behind, and the next backup completes', async () => {
    writeFileSync(join(source, 'big.bin'), randomBytes(64 * 1024 * 1024));
    const host = onHost(['create', '--compression', 'none', '::cut', source]);
    const socketPath = bridge.socketPath;
    await waitFor(() => processesMentioning(socketPath).length > 0, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await bridge.close();
    expect(existsSync(dirname(bridge.socketPath))).toBe(false);
    const result = await host.done;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Connection closed by remote host');
    // Nothing of this test's is left: borg serve, the host's borg (both name fx.dir) and socat (the socket).
    await waitFor(() => processesMentioning(fx.dir).length === 0 && processesMentioning(socketPath).length === 0);

    bridge = await BorgServeBridge.start({ repositoryPath, borgBinary: REAL_BORG });
    expect((await onHost(['create', '::next', source]).done).code).toBe(0);
    expect(await listDirectly()).toEqual(['next']);
  });

  it('cancel through remoteCancelScript ends borg and socat on the host; no passphrase on any argv meanwhile', async () => {
    writeFileSync(join(source, 'big.bin'), randomBytes(64 * 1024 * 1024));
    const host = onHost(['create', '--compression', 'none', '::cancelled', source]);
    const pid = await host.pid;
    await waitFor(() => processesMentioning(`UNIX-CONNECT:${bridge.socketPath}`).length > 0, 10_000);
    for (const line of allCommandLines()) expect(line).not.toContain(PASSPHRASE);
    const cancel = await run('sh', ['-c', remoteCancelScript(pid)]);
    expect(cancel.stderr).toBe('');
    const result = await host.done;
    expect(result.code === 143 || result.signal === 'SIGTERM').toBe(true);
    await waitFor(() => processesMentioning(fx.dir).length === 0 && processesMentioning(bridge.socketPath).length === 0);

    expect((await onHost(['create', '::next', source]).done).code).toBe(0);
    expect(await listDirectly()).toEqual(['next']);
  });
});
