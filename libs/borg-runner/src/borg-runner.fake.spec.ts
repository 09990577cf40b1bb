import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BorgError } from './borg-error';
import { BorgRunner } from './borg-runner';
import { ENV_ALLOWLIST } from './borg-env';
import { collect, isAlive, makeTempDir, readAll, removeDir, waitFor, writeFakeBorg } from './testing/helpers';
import type { BorgEvent } from './types';

/** Tests with a fake borg (a shell script) for what real borg does not do on demand. */
describe('BorgRunner with a fake borg', () => {
  let dir: string;
  const conn = { location: '/nonexistent/repo' };
  const runnerFor = (body: string, extra: { killGraceMs?: number; baseEnv?: NodeJS.ProcessEnv } = {}) =>
    new BorgRunner({ borgBin: writeFakeBorg(dir, body), baseDir: dir, ...extra });
  const readPid = (name: string) => Number(readFileSync(join(dir, name), 'utf8').trim());

  beforeEach(() => (dir = makeTempDir('fake')));
  afterEach(() => removeDir(dir));

  it('cancel kills the whole process group, grandchild included, and settles after exit', async () => {
    const runner = runnerFor('sleep 1000 &\necho $! > "$BORG_BASE_DIR/grandchild.pid"\necho $$ > "$BORG_BASE_DIR/child.pid"\nwait');
    const abort = new AbortController();
    const call = runner.info(conn, { signal: abort.signal });
    await waitFor(() => existsSync(join(dir, 'grandchild.pid')) && existsSync(join(dir, 'child.pid')));
    const [child, grandchild] = [readPid('child.pid'), readPid('grandchild.pid')];
    expect(isAlive(child) && isAlive(grandchild)).toBe(true);
    abort.abort();
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BorgError);
    expect(error).toMatchObject({ kind: 'cancelled', message: 'borg was cancelled', exitCode: null });
    expect(isAlive(child)).toBe(false);
    await waitFor(() => !isAlive(grandchild), 1000);
  });

  it('rejects at once, without starting borg, when the signal is already aborted', async () => {
    const runner = runnerFor('touch "$BORG_BASE_DIR/started"');
    const abort = new AbortController();
    abort.abort();
    await expect(runner.info(conn, { signal: abort.signal })).rejects.toMatchObject({ kind: 'cancelled' });
    expect(existsSync(join(dir, 'started'))).toBe(false);
  });

  it('times out with kind timeout and a readable message', async () => {
    const runner = runnerFor('echo $$ > "$BORG_BASE_DIR/child.pid"\nsleep 1000');
    const started = Date.now();
    const error = await runner.info(conn, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout', message: 'borg timed out after 0.3 s' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(isAlive(readPid('child.pid'))).toBe(false);
  });

  it('uses defaultTimeoutMs from the runner options', async () => {
    const runner = new BorgRunner({ borgBin: writeFakeBorg(dir, 'sleep 1000'), baseDir: dir, defaultTimeoutMs: 200 });
    await expect(runner.compact(conn)).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('SIGKILLs a group that ignores SIGTERM after the grace period', async () => {
    const runner = runnerFor('trap \'\' TERM\nsleep 1000 &\necho $! > "$BORG_BASE_DIR/grandchild.pid"\nwhile :; do sleep 1; done', {
      killGraceMs: 300,
    });
    const abort = new AbortController();
    const call = runner.check(conn, { signal: abort.signal });
    await waitFor(() => existsSync(join(dir, 'grandchild.pid')));
    const started = Date.now();
    abort.abort();
    await expect(call).rejects.toMatchObject({ kind: 'cancelled', signal: 'SIGKILL' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await waitFor(() => !isAlive(readPid('grandchild.pid')), 1000);
  });

  it('leaves no timer of its own behind after a call', async () => {
    // Every timer the runner starts during the calls must have fired or been cleared when they return
    // (Node marks both as destroyed); other timers in the process do not matter.
    const started: NodeJS.Timeout[] = [];
    const original = global.setTimeout;
    const spy = jest.spyOn(global, 'setTimeout').mockImplementation(((...args: Parameters<typeof setTimeout>) => {
      const timer = original(...args);
      started.push(timer);
      return timer;
    }) as typeof setTimeout);
    try {
      const runner = runnerFor('sleep 1000');
      await runner.info(conn, { timeoutMs: 100 }).catch(() => undefined);
      await runner.compact(conn, { signal: AbortSignal.timeout(100) }).catch(() => undefined);
    } finally {
      spy.mockRestore();
    }
    expect(started.length).toBeGreaterThan(0);
    expect(started.filter((timer) => !(timer as unknown as { _destroyed: boolean })._destroyed)).toEqual([]);
  });

  it('turns garbage and non-JSON stderr lines into stderr_line events without failing', async () => {
    const runner = runnerFor(
      [
        'echo "ssh: connect to host 127.0.0.1 port 1: Connection refused" >&2',
        'printf "\\000\\001 binary junk \\377\\n" >&2',
        'echo "{broken json" >&2',
        'echo \'{"type": "log_message", "time": 1, "message": "ok", "levelname": "INFO", "name": "borg.archiver"}\' >&2',
        'printf "no newline at the end" >&2',
      ].join('\n'),
    );
    const events: BorgEvent[] = [];
    const outcome = await runner.breakLock(conn, { onEvent: (e) => events.push(e) });
    expect(outcome).toEqual({ result: undefined, exitCode: 0, warnings: [] });
    expect(events).toEqual([
      { type: 'stderr_line', line: 'ssh: connect to host 127.0.0.1 port 1: Connection refused' },
      { type: 'stderr_line', line: expect.stringContaining('binary junk') },
      { type: 'stderr_line', line: '{broken json' },
      { type: 'log_message', level: 'INFO', name: 'borg.archiver', message: 'ok', time: 1 },
      { type: 'stderr_line', line: 'no newline at the end' },
    ]);
  });

  it('ignores an onEvent listener that throws', async () => {
    const runner = runnerFor('echo hello >&2');
    await expect(
      runner.breakLock(conn, {
        onEvent: () => {
          throw new Error('listener bug');
        },
      }),
    ).resolves.toMatchObject({ exitCode: 0 });
  });

  it('handles a chunk boundary in the middle of a JSON line', async () => {
    const runner = runnerFor(
      'printf \'{"type": "log_message", "time": 1, "mess\' >&2\nsleep 0.3\nprintf \'age": "split", "levelname": "WARNING", "name": "borg.archiver"}\\n\' >&2\nexit 1',
    );
    const events: BorgEvent[] = [];
    const outcome = await runner.compact(conn, { onEvent: (e) => events.push(e) });
    expect(events).toEqual([{ type: 'log_message', level: 'WARNING', name: 'borg.archiver', message: 'split', time: 1 }]);
    expect(outcome).toEqual({
      result: undefined,
      exitCode: 1,
      warnings: [{ level: 'WARNING', name: 'borg.archiver', message: 'split' }],
    });
  });

  it('a crash (exit 2, no msgid) gives msgid null, the tail, and the last line as message', async () => {
    const runner = runnerFor(
      'echo \'{"type": "log_message", "time": 1, "message": "careful", "levelname": "WARNING", "name": "borg.archiver"}\' >&2\necho "Traceback (most recent call last):" >&2\necho "KeyError: boom" >&2\nexit 2',
    );
    const error = (await runner.info(conn).catch((e: unknown) => e)) as BorgError;
    expect(error).toBeInstanceOf(BorgError);
    expect(error).toMatchObject({ kind: 'exit', exitCode: 2, msgid: null, message: 'KeyError: boom' });
    expect(error.stderrTail).toEqual(['careful', 'Traceback (most recent call last):', 'KeyError: boom']);
    expect(error.command).toEqual(['--log-json', 'info', '--json', '--', '/nonexistent/repo']);
  });

  it('an exit >= 2 with an error log message takes its msgid and text', async () => {
    const runner = runnerFor(
      'echo \'{"type": "log_message", "time": 1, "message": "Failed to create/acquire the lock /r/lock.exclusive (timeout).", "levelname": "ERROR", "name": "borg.archiver", "msgid": "LockTimeout"}\' >&2\nexit 2',
    );
    await expect(runner.info(conn)).rejects.toMatchObject({
      kind: 'exit',
      exitCode: 2,
      msgid: 'LockTimeout',
      message: 'Failed to create/acquire the lock /r/lock.exclusive (timeout).',
    });
  });

  it('says so when borg dies of a signal it was not sent by us', async () => {
    const runner = runnerFor('kill -9 $$');
    await expect(runner.info(conn)).rejects.toMatchObject({
      kind: 'exit',
      exitCode: null,
      signal: 'SIGKILL',
      message: 'borg info was killed by SIGKILL',
    });
  });

  it('explains stdout that is not JSON for a --json call', async () => {
    const runner = runnerFor('echo "this is not json"');
    const error = await runner.info(conn).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BorgError);
    expect(error).toMatchObject({ kind: 'exit', exitCode: 0, message: 'borg info printed output that is not JSON: this is not json' });
  });

  it('reports a missing binary as kind spawn', async () => {
    const runner = new BorgRunner({ borgBin: join(dir, 'no-such-borg'), baseDir: dir });
    await expect(runner.info(conn)).rejects.toMatchObject({
      kind: 'spawn',
      exitCode: null,
      message: `${join(dir, 'no-such-borg')} was not found`,
    });
    await expect(runner.version()).rejects.toMatchObject({ kind: 'spawn' });
  });

  it('reports a missing working directory instead of a missing binary', async () => {
    const runner = runnerFor('exit 0');
    await expect(runner.extractToDirectory(conn, 'a', join(dir, 'missing'))).rejects.toMatchObject({
      kind: 'spawn',
      message: `directory ${join(dir, 'missing')} does not exist`,
    });
  });

  it('passes only the allowlist and BORG_* variables to the child', async () => {
    const runner = runnerFor('tr "\\000" "\\n" < /proc/$$/environ > "$BORG_BASE_DIR/env.txt"', {
      baseEnv: {
        PATH: process.env['PATH'],
        HOME: '/root',
        LANG: 'C.UTF-8',
        BORGITORY_SECRET_KEY: 'server-secret',
        DATABASE_URL: 'sqlite:secret',
        BORG_PASSCOMMAND: 'cat /etc/shadow',
        BORG_REMOTE_PATH: '/evil',
      },
    });
    await runner.info({ location: 'user@host:repo', passphrase: 'pw 1' }).catch(() => undefined);
    const env = Object.fromEntries(
      readFileSync(join(dir, 'env.txt'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    const allowed = new Set<string>(ENV_ALLOWLIST);
    for (const name of Object.keys(env)) expect(allowed.has(name) || name.startsWith('BORG_')).toBe(true);
    expect(env).toMatchObject({
      HOME: '/root',
      LANG: 'C.UTF-8',
      BORG_BASE_DIR: dir,
      BORG_PASSPHRASE: 'pw 1',
      BORG_RSH: 'ssh -o BatchMode=yes',
      BORG_DISPLAY_PASSPHRASE: 'no',
      BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK: 'yes',
      BORG_RELOCATED_REPO_ACCESS_IS_OK: 'yes',
      BORG_DELETE_I_KNOW_WHAT_I_AM_DOING: 'NO',
      BORG_FUSE_IMPL: 'none',
    });
    expect(env).not.toHaveProperty('BORGITORY_SECRET_KEY');
    expect(env).not.toHaveProperty('DATABASE_URL');
    expect(env).not.toHaveProperty('BORG_PASSCOMMAND');
    expect(env).not.toHaveProperty('BORG_REMOTE_PATH');
  });

  it("runs borg's self-tests in every call until selfTest passed, then skips them", async () => {
    const runner = runnerFor(
      [
        'echo "$* selftest=${BORG_SELFTEST:-on}" >> "$BORG_BASE_DIR/calls"',
        'case "$*" in *"debug info"*) [ -e "$BORG_BASE_DIR/broken" ] && { echo "self test failed" >&2; exit 2; } ;; esac',
        'exit 0',
      ].join('\n'),
    );
    const calls = () => readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n');
    writeFileSync(join(dir, 'broken'), '');
    await expect(runner.selfTest()).rejects.toBeInstanceOf(BorgError);
    await runner.breakLock(conn);
    rmSync(join(dir, 'broken'));
    await runner.selfTest();
    await runner.breakLock(conn);
    await runner.selfTest();
    expect(calls()).toEqual([
      '--log-json debug info selftest=on',
      '--log-json break-lock -- /nonexistent/repo selftest=on',
      '--log-json debug info selftest=on',
      '--log-json break-lock -- /nonexistent/repo selftest=disabled',
      '--log-json debug info selftest=on',
    ]);
  });

  it('scrubs the passphrase from events, the tail and the message', async () => {
    const secret = 'Tr0ub4dor&3';
    const runner = runnerFor(
      `echo "debug: passphrase is $BORG_PASSPHRASE" >&2\necho '{"type": "log_message", "time": 1, "message": "bad passphrase ${secret}", "levelname": "ERROR", "name": "borg.archiver", "msgid": "PassphraseWrong"}' >&2\nexit 2`,
    );
    const events: BorgEvent[] = [];
    const error = (await runner
      .info({ location: '/r', passphrase: secret }, { onEvent: (e) => events.push(e) })
      .catch((e: unknown) => e)) as BorgError;
    expect(error.msgid).toBe('PassphraseWrong');
    const everything = JSON.stringify({
      events,
      message: error.message,
      tail: error.stderrTail,
      command: error.command,
      stack: error.stack,
    });
    expect(everything).not.toContain(secret);
    expect(error.message).toBe('bad passphrase ***');
    expect(error.stderrTail).toEqual(['debug: passphrase is ***', 'bad passphrase ***']);
  });

  it('passes every check option to borg, and allows repair only for a repair', async () => {
    const runner = runnerFor(
      'for a in "$@"; do echo "$a"; done > "$BORG_BASE_DIR/argv.txt"\necho "$BORG_CHECK_I_KNOW_WHAT_I_AM_DOING" > "$BORG_BASE_DIR/repair.txt"',
    );
    const argv = () => readFileSync(join(dir, 'argv.txt'), 'utf8').split('\n').filter(Boolean);
    const repairAllowed = () => readFileSync(join(dir, 'repair.txt'), 'utf8').trim();
    await runner.check({ location: '/r' }, { archivesOnly: true, verifyData: true, globArchives: 'web-*', last: 3 });
    expect(argv()).toEqual([
      '--log-json',
      '--progress',
      'check',
      '--info',
      '--archives-only',
      '--verify-data',
      '--glob-archives=web-*',
      '--last=3',
      '--',
      '/r',
    ]);
    expect(repairAllowed()).toBe('NO');
    await runner.check({ location: '/r' }, { repositoryOnly: true, maxDuration: 600, first: 2 });
    expect(argv()).toEqual([
      '--log-json',
      '--progress',
      'check',
      '--info',
      '--repository-only',
      '--max-duration=600',
      '--first=2',
      '--',
      '/r',
    ]);
    await runner.check({ location: '/r' }, { repair: true });
    expect(argv()).toEqual(['--log-json', '--progress', 'check', '--info', '--repair', '--', '/r']);
    expect(repairAllowed()).toBe('YES');
  });

  it('puts positionals after "--" so paths cannot pass for options', async () => {
    const runner = runnerFor(
      'for a in "$@"; do echo "$a"; done > "$BORG_BASE_DIR/argv.txt"\necho \'{"archive": {"name": "x"}, "repository": {"id": "r", "location": "/r"}, "encryption": {"mode": "none"}}\'',
    );
    await runner.create(
      { location: '/r', passphrase: 'secret-pw' },
      {
        archive: 'x',
        paths: ['--remote-path=evil', 'b c'],
        compression: 'zstd,3',
        excludePatterns: ['*.log'],
        comment: 'hi',
        lockWaitSeconds: 5,
      },
    );
    expect(readFileSync(join(dir, 'argv.txt'), 'utf8').split('\n').filter(Boolean)).toEqual([
      '--log-json',
      '--progress',
      '--lock-wait=5',
      'create',
      '--json',
      '--compression=zstd,3',
      '--exclude=*.log',
      '--comment=hi',
      '--',
      '/r::x',
      '--remote-path=evil',
      'b c',
    ]);
  });

  it('joins every option to its value ("--opt=value"), so a value that starts with "-" stays a value', async () => {
    const runner = runnerFor(
      'for a in "$@"; do echo "$a"; done > "$BORG_BASE_DIR/argv.txt"\necho \'{"archive": {"name": "x"}, "archives": [], "repository": {"id": "r", "location": "/r"}, "encryption": {"mode": "none"}}\'',
    );
    const argv = () => readFileSync(join(dir, 'argv.txt'), 'utf8').split('\n').filter(Boolean);
    await runner.create(
      { location: '/r' },
      { archive: 'x', paths: ['/src'], excludePatterns: ['-*.tmp', '--dry-run'], comment: '--dry-run' },
    );
    expect(argv()).toEqual([
      '--log-json',
      '--progress',
      'create',
      '--json',
      '--exclude=-*.tmp',
      '--exclude=--dry-run',
      '--comment=--dry-run',
      '--',
      '/r::x',
      '/src',
    ]);
    await runner.prune({ location: '/r' }, { keepWithin: '2d', keepLast: 1, keepDaily: 7, globArchives: '-nightly-*', dryRun: true });
    expect(argv()).toEqual([
      '--log-json',
      'prune',
      '--list',
      '--dry-run',
      '--keep-within=2d',
      '--keep-last=1',
      '--keep-daily=7',
      '--glob-archives=-nightly-*',
      '--',
      '/r',
    ]);
    await runner.check({ location: '/r' }, { archivesOnly: true, globArchives: '-nightly-*' });
    expect(argv()).toEqual(['--log-json', '--progress', 'check', '--info', '--archives-only', '--glob-archives=-nightly-*', '--', '/r']);
    await runner.listArchives({ location: '/r' }, { last: 2, lockWaitSeconds: 3 });
    expect(argv()).toEqual(['--log-json', '--lock-wait=3', 'list', '--json', '--last=2', '--', '/r']);
    await runner.compact({ location: '/r' }, { threshold: 5 });
    expect(argv()).toEqual(['--log-json', '--progress', 'compact', '--threshold=5', '--', '/r']);
    await runner.extractToDirectory({ location: '/r' }, 'x', dir, { stripComponents: 1 });
    expect(argv()).toEqual(['--log-json', '--progress', 'extract', '--strip-components=1', '--', '/r::x']);
    await runner.deleteArchives({ location: '/r' }, ['a', '--dry-run', 'b c']);
    expect(argv()).toEqual(['--log-json', 'delete', '--', '/r::a', '--dry-run', 'b c']);
    await runner.init({ location: '/r' }, { encryption: 'none' });
    expect(argv()).toEqual(['--log-json', 'init', '--encryption=none', '--', '/r']);
    // Every word before "--" is one option: a flag alone or "--flag=value".
    expect(
      argv()
        .slice(0, argv().indexOf('--'))
        .every((word) => /^--[a-z-]+(=.*)?$/.test(word) || ['init'].includes(word)),
    ).toBe(true);
  });

  it.each([
    ['ssh://-oProxyCommand=touch$IFS"pwned"@localhost/repo', 'user'],
    ['ssh://-Epwned/repo', 'host'],
    ['-oProxyCommand=x@nas:repo', 'user'],
    ['backup@-V:repo', 'host'],
    ['ssh://nas:70000/repo', 'port'],
  ])('starts no borg for %j, whose %s ssh could misread: a BorgError of kind refused', async (location, part) => {
    const runner = runnerFor('touch "$BORG_BASE_DIR/started"');
    const error = await runner.info({ location }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BorgError);
    expect(error).toMatchObject({
      kind: 'refused',
      exitCode: null,
      message: expect.stringContaining(`borg was not started: the ${part} of the repository location`),
    });
    await expect(runner.create({ location }, { archive: 'a', paths: ['/x'] })).rejects.toMatchObject({ kind: 'refused' });
    expect(existsSync(join(dir, 'started'))).toBe(false);
  });

  /** One escaped `--format` record as borg prints it under PYTHONIOENCODING=unicode_escape. */
  const record = (type: string, path: string, size = 0) =>
    `${[type, `${type}rw-r--r--`, size, 't', 'healthy', '', path].join('\\x00')}\\x00`;

  it('breaking out of listArchiveEntries kills borg', async () => {
    const runner = runnerFor(`echo $$ > "$BORG_BASE_DIR/child.pid"\nwhile :; do printf '%s' '${record('-', 'f', 1)}'; done`);
    let seen = 0;
    for await (const batch of runner.listArchiveEntries(conn, 'a')) {
      for (const entry of batch) expect(entry.path).toBe('f');
      seen += batch.length;
      if (seen >= 1000) break;
    }
    expect(isAlive(readPid('child.pid'))).toBe(false);
  });

  it('listArchiveEntries yields the entries before throwing the BorgError of a failed borg', async () => {
    const runner = runnerFor(
      `printf '%s' '${record('d', 'a')}${record('-', 'a/b\\udcff', 3)}'\necho '{"type": "log_message", "time": 1, "message": "Archive a does not exist", "levelname": "ERROR", "name": "borg.archiver", "msgid": "Archive.DoesNotExist"}' >&2\nexit 2`,
    );
    const seen: string[] = [];
    const error = await (async () => {
      for await (const batch of runner.listArchiveEntries(conn, 'a')) seen.push(...batch.map((entry) => entry.path));
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['a', 'a/b\udcff']);
    expect(error).toMatchObject({ kind: 'exit', msgid: 'Archive.DoesNotExist', message: 'Archive a does not exist' });
  });

  it('listArchiveEntries throws a BorgError for output it cannot read and stops borg', async () => {
    const runner = runnerFor('echo $$ > "$BORG_BASE_DIR/child.pid"\nprintf "%s" "garbage\\\\q"\nsleep 1000');
    await expect(collect(runner.listArchiveEntries(conn, 'a'))).rejects.toMatchObject({
      message: 'borg list printed an unknown escape \\q',
    });
    expect(isAlive(readPid('child.pid'))).toBe(false);
  });

  it('listArchiveEntries copes with stderr that is not escaped as expected', async () => {
    const runner = runnerFor(`echo 'odd \\q stderr' >&2\nprintf '%s' '${record('-', 'f', 1)}'`);
    expect((await collect(runner.listArchiveEntries(conn, 'a'))).flat().map((entry) => entry.path)).toEqual(['f']);
  });

  it('diff throws a BorgError for a line that is not JSON and stops borg', async () => {
    const runner = runnerFor('echo $$ > "$BORG_BASE_DIR/child.pid"\necho "garbage"\nsleep 1000');
    await expect(collect(runner.diff(conn, 'a', 'b'))).rejects.toMatchObject({
      message: 'borg diff printed a diff line that is not JSON: garbage',
    });
    expect(isAlive(readPid('child.pid'))).toBe(false);
  });

  it('destroying an extract stream stops borg', async () => {
    const runner = runnerFor('echo $$ > "$BORG_BASE_DIR/child.pid"\nexec yes');
    const { stream, done } = runner.extractToStream(conn, 'a', 'f');
    await new Promise((resolve) => stream.once('data', resolve));
    (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
    await expect(done).rejects.toMatchObject({ kind: 'cancelled' });
    expect(isAlive(readPid('child.pid'))).toBe(false);
  });

  it('a failing export-tar errors its stream (when listened to) and rejects done', async () => {
    const runner = runnerFor(
      'printf "partial"\necho \'{"type": "log_message", "time": 1, "message": "Archive a does not exist", "levelname": "ERROR", "name": "borg.archiver", "msgid": "Archive.DoesNotExist"}\' >&2\nexit 2',
    );
    const { stream, done } = runner.exportTar(conn, 'a');
    await expect(readAll(stream)).rejects.toMatchObject({ msgid: 'Archive.DoesNotExist' });
    await expect(done).rejects.toMatchObject({ msgid: 'Archive.DoesNotExist' });
  });

  it('an unread failing stream does not crash the process; done still rejects', async () => {
    const runner = runnerFor('exit 2');
    const { stream, done } = runner.exportTar(conn, 'a');
    await expect(done).rejects.toBeInstanceOf(BorgError);
    expect((stream as NodeJS.ReadableStream & { destroyed: boolean }).destroyed).toBe(true);
  });

  it('version() parses the version line', async () => {
    await expect(runnerFor('echo "borg 1.2.4"').version()).resolves.toBe('1.2.4');
    await expect(runnerFor('echo "hello"').version()).rejects.toMatchObject({ message: expect.stringContaining('printed no version') });
  });
});
