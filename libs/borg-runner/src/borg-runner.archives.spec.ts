import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect, readAll } from './testing/helpers';
import { RealBorgFixture } from './testing/real-borg';
import type { BorgConnection, BorgEvent } from './types';

/** Archive-level commands against the real borg binary, each test in its own BORG_BASE_DIR. */
jest.setTimeout(30_000);

describe('BorgRunner on real borg: archives', () => {
  let fx: RealBorgFixture;
  let conn: BorgConnection;
  let src: string;
  const blob = randomBytes(300_000);

  beforeEach(async () => {
    fx = new RealBorgFixture();
    conn = await fx.repository('repokey');
    src = fx.sourceTree({ 'a.txt': 'hello\n', 'skip.log': 'excluded\n', 'sub/b.txt': 'bee\n', 'sub/deep/blob.bin': blob });
  });
  afterEach(() => fx.cleanup());

  /** Archives the source tree with relative paths (cwd = its parent), so items are "src/…". */
  const createArchive = (archive: string, extra: { excludePatterns?: string[]; onEvent?: (e: BorgEvent) => void } = {}) =>
    fx.runner.create(conn, { archive, paths: ['src'], workingDirectory: fx.dir, compression: 'zstd,3', ...extra });

  it('create with zstd and an exclude; items lack the excluded file; archiveInfo stats are sane; progress events arrive', async () => {
    const events: BorgEvent[] = [];
    const outcome = await createArchive('first', { excludePatterns: ['*.log'], onEvent: (e) => events.push(e) });
    expect(outcome.exitCode).toBe(0);
    const created = outcome.result?.archive;
    expect(created).toMatchObject({ name: 'first', stats: { nfiles: 3 } });
    expect(created?.id).toMatch(/^[0-9a-f]{64}$/);
    expect(created?.commandLine).toEqual(expect.arrayContaining(['create', '--compression=zstd,3']));

    const progress = events.filter((e) => e.type === 'archive_progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[progress.length - 1]).toMatchObject({ finished: true });

    const entries = (await collect(fx.runner.listArchiveEntries(conn, 'first'))).flat();
    expect(entries.map((e) => e.path).sort()).toEqual([
      'src',
      'src/a.txt',
      'src/sub',
      'src/sub/b.txt',
      'src/sub/deep',
      'src/sub/deep/blob.bin',
    ]);
    expect(entries.find((e) => e.path === 'src/sub/deep/blob.bin')).toMatchObject({
      type: '-',
      mode: '-rw-r--r--',
      size: blob.length,
      healthy: true,
    });

    const { result: info } = await fx.runner.archiveInfo(conn, 'first');
    expect(info).toMatchObject({ name: 'first', id: created?.id, comment: '', username: expect.any(String), hostname: expect.any(String) });
    expect(info.stats.nfiles).toBe(3);
    expect(info.stats.originalSize).toBe(blob.length + 'hello\n'.length + 'bee\n'.length);
    expect(info.stats.compressedSize).toBeGreaterThan(0);
    expect(info.stats.deduplicatedSize).toBeGreaterThan(0);
    expect(info.duration).toBeGreaterThanOrEqual(0);
    expect(Date.parse(info.end)).toBeGreaterThanOrEqual(Date.parse(info.start));

    // create's repository part is what `borg info REPO` says right after it, cache stats included.
    const { result: repository } = await fx.runner.info(conn);
    expect(outcome.result?.repository).toEqual(repository);
    expect(repository.stats?.totalSize).toBeGreaterThan(0);
  });

  it('create with a dangling path exits 1 with the warning', async () => {
    const outcome = await fx.runner.create(conn, { archive: 'w', paths: [src, join(src, 'vanished.txt')] });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.result?.archive.name).toBe('w');
    expect(outcome.warnings).toEqual([
      {
        level: 'WARNING',
        name: 'borg.archiver',
        message: `${join(src, 'vanished.txt')}: [Errno 2] No such file or directory: 'vanished.txt'`,
      },
    ]);
  });

  it('create --dry-run gives null and no archive; comment is stored', async () => {
    await expect(fx.runner.create(conn, { archive: 'dry', paths: [src], dryRun: true })).resolves.toEqual({
      result: null,
      exitCode: 0,
      warnings: [],
    });
    await fx.runner.create(conn, { archive: 'c', paths: [src], comment: 'made by Borgitory', oneFileSystem: true });
    const { result } = await fx.runner.listArchives(conn);
    expect(result.map((a) => a.name)).toEqual(['c']);
    await expect(fx.runner.archiveInfo(conn, 'c')).resolves.toMatchObject({ result: { comment: 'made by Borgitory' } });
  });

  it('listArchives, prune keeping 1 of 3, compact, check, deleteArchive', async () => {
    for (const name of ['one', 'two', 'three']) await createArchive(name);
    const { result: archives } = await fx.runner.listArchives(conn);
    expect(archives.map((a) => a.name)).toEqual(['one', 'two', 'three']);
    expect(archives[0]).toEqual({
      name: 'one',
      id: expect.stringMatching(/^[0-9a-f]{64}$/),
      start: expect.any(String),
      time: expect.any(String),
    });
    await expect(fx.runner.listArchives(conn, { last: 1 })).resolves.toMatchObject({ result: [{ name: 'three' }] });

    const dry = await fx.runner.prune(conn, { keepLast: 1, dryRun: true });
    expect(dry.result).toEqual({ kept: ['three'], pruned: ['two', 'one'], rules: { three: 'secondly #1' } });
    const pruned = await fx.runner.prune(conn, { keepLast: 1 });
    expect(pruned).toEqual({
      result: { kept: ['three'], pruned: ['two', 'one'], rules: { three: 'secondly #1' } },
      exitCode: 0,
      warnings: [],
    });
    await expect(fx.runner.listArchives(conn)).resolves.toMatchObject({ result: [{ name: 'three' }] });

    const compactEvents: BorgEvent[] = [];
    await expect(fx.runner.compact(conn, { threshold: 0, onEvent: (e) => compactEvents.push(e) })).resolves.toMatchObject({ exitCode: 0 });
    expect(compactEvents.some((e) => e.type === 'progress_percent')).toBe(true);

    await expect(fx.runner.check(conn)).resolves.toEqual({ result: undefined, exitCode: 0, warnings: [] });
    await expect(fx.runner.check(conn, { verifyData: true })).resolves.toMatchObject({ exitCode: 0 });
    await expect(fx.runner.check(conn, { repositoryOnly: true })).resolves.toMatchObject({ exitCode: 0 });

    await fx.runner.deleteArchive(conn, 'three');
    await expect(fx.runner.listArchives(conn)).resolves.toMatchObject({ result: [] });
    await expect(fx.runner.archiveInfo(conn, 'three')).rejects.toMatchObject({ msgid: 'Archive.DoesNotExist' });
  });

  it('deleteArchives deletes several archives in one borg call; names stay positionals', async () => {
    for (const name of ['keep', '--dry-run', 'b', 'c']) await createArchive(name);
    await expect(fx.runner.deleteArchives(conn, ['b', '--dry-run', 'c'])).resolves.toMatchObject({ exitCode: 0 });
    await expect(fx.runner.listArchives(conn)).resolves.toMatchObject({ result: [{ name: 'keep' }] });
    await expect(fx.runner.deleteArchives(conn, [])).rejects.toThrow('needs at least one archive name');
  });

  it('prune with globArchives only looks at matching archives', async () => {
    for (const name of ['web-1', 'db-1', 'web-2']) await createArchive(name);
    const { result } = await fx.runner.prune(conn, { keepLast: 1, globArchives: 'web-*' });
    expect(result).toEqual({ kept: ['web-2'], pruned: ['web-1'], rules: { 'web-2': 'secondly #1' } });
  });

  it('extractToStream returns the exact bytes; extractToDirectory restores files', async () => {
    await createArchive('x');
    const { stream, done } = fx.runner.extractToStream(conn, 'x', 'src/sub/deep/blob.bin');
    const bytes = await readAll(stream);
    await expect(done).resolves.toEqual({ result: undefined, exitCode: 0, warnings: [] });
    expect(bytes.equals(blob)).toBe(true);

    const target = join(fx.dir, 'restore');
    mkdirSync(target);
    await fx.runner.extractToDirectory(conn, 'x', target, { paths: ['src/sub'], stripComponents: 1 });
    expect(readFileSync(join(target, 'sub/b.txt'), 'utf8')).toBe('bee\n');
    expect(readFileSync(join(target, 'sub/deep/blob.bin')).equals(blob)).toBe(true);
    expect(existsSync(join(target, 'a.txt'))).toBe(false);
  });

  it('extractToStream of a path not in the archive streams nothing; a prefix of a file name matches nothing', async () => {
    await createArchive('x');
    for (const path of ['src/nope', 'src/a.tx', 'src/sub']) {
      const { stream, done } = fx.runner.extractToStream(conn, 'x', path);
      expect((await readAll(stream)).length).toBe(0);
      await expect(done).resolves.toMatchObject({ exitCode: 0 });
    }
  });

  it('names that are not UTF-8, with newlines and quotes: listed, extracted and exported byte for byte', async () => {
    const odd = Buffer.concat([Buffer.from('bad'), Buffer.from([0xff, 0xfe]), Buffer.from('\nline "q" é')]);
    const oddPath = Buffer.concat([Buffer.from(join(src, 'sub') + '/'), odd]);
    writeFileSync(oddPath, 'odd bytes\n');
    writeFileSync(join(src, 'sub', 'bad??\nline "q" é'), 'decoy\n'); // what borg's '?' replacement would make of it
    await createArchive('x');

    const entries = (await collect(fx.runner.listArchiveEntries(conn, 'x'))).flat();
    const oddName = 'src/sub/bad\udcff\udcfe\nline "q" é';
    expect(entries.map((e) => e.path).sort()).toEqual(
      [
        'src',
        'src/a.txt',
        'src/skip.log',
        'src/sub',
        'src/sub/b.txt',
        'src/sub/deep',
        'src/sub/deep/blob.bin',
        oddName,
        'src/sub/bad??\nline "q" é',
      ].sort(),
    );
    expect(entries.find((e) => e.path === 'src/sub/deep/blob.bin')).toMatchObject({ type: '-', size: blob.length, healthy: true });
    expect(entries.find((e) => e.path === 'src/sub')).toMatchObject({ type: 'd', mode: expect.stringMatching(/^d/) });
    expect(entries.find((e) => e.path === 'src/a.txt')?.mtime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);

    const { stream, done } = fx.runner.extractToStream(conn, 'x', oddName);
    expect((await readAll(stream)).toString()).toBe('odd bytes\n');
    await done;

    const tar = fx.runner.exportTar(conn, 'x', { paths: ['src/sub'], stripComponents: 1 });
    const tarFile = join(fx.dir, 'sub.tar');
    writeFileSync(tarFile, await readAll(tar.stream));
    await tar.done;
    const unpacked = join(fx.dir, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['-xf', tarFile, '-C', unpacked]);
    expect(readdirSync(unpacked)).toEqual(['sub']);
    const names = readdirSync(join(unpacked, 'sub'), { encoding: 'buffer' });
    expect(names.map((n) => n.toString('hex')).sort()).toEqual(
      [Buffer.from('b.txt'), Buffer.from('deep'), odd, Buffer.from('bad??\nline "q" é')].map((n) => n.toString('hex')).sort(),
    );
    expect(readFileSync(Buffer.concat([Buffer.from(join(unpacked, 'sub') + '/'), odd])).toString()).toBe('odd bytes\n');
  });

  it('listArchiveDetails adds metadata; diff names what changed', async () => {
    await fx.runner.create(conn, { archive: 'one', paths: ['src'], workingDirectory: fx.dir, comment: 'first "one"' });
    writeFileSync(join(src, 'a.txt'), 'changed\n');
    writeFileSync(join(src, 'new.txt'), 'new\n');
    rmSync(join(src, 'skip.log'));
    await createArchive('two');
    const { result } = await fx.runner.listArchiveDetails(conn);
    expect(result).toEqual([
      expect.objectContaining({ name: 'one', comment: 'first "one"', hostname: expect.any(String), end: expect.any(String) }),
      expect.objectContaining({ name: 'two', comment: '', commandLine: expect.arrayContaining(['create']) }),
    ]);

    const diff = await collect(fx.runner.diff(conn, 'one', 'two', { contentOnly: true }));
    const byPath = Object.fromEntries(diff.map((d) => [d.path, d.changes.map((c) => c.type)]));
    expect(byPath).toEqual({ 'src/a.txt': ['modified'], 'src/new.txt': ['added'], 'src/skip.log': ['removed'] });
    const limited = await collect(fx.runner.diff(conn, 'one', 'two', { paths: ['src/new.txt'] }));
    expect(limited.map((d) => d.path)).toEqual(['src/new.txt']);
    expect(limited[0].changes[0]).toEqual({ type: 'added', size: 4 });
  });

  it('exportTar streams a valid tar', async () => {
    await createArchive('x');
    const { stream, done } = fx.runner.exportTar(conn, 'x', { paths: ['src/a.txt'] });
    const tar = await readAll(stream);
    await done;
    expect(tar.subarray(257, 262).toString('latin1')).toBe('ustar');
    expect(tar.subarray(0, 9).toString()).toBe('src/a.txt');
    expect(tar.length % 512).toBe(0);
  });
});
