import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeEscapedPathForUrl } from '@borgitory/api-client/byte-path';
import { writeTree } from '@borgitory/borg-runner/testing';
import type { Agent } from 'supertest';
import { DataSource } from 'typeorm';
import { ArchiveSettings } from '../src/archives/archive-settings';
import { waitForFinish } from './support/job-client';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

const INDEX_WAIT_MS = 60_000;

const PASSPHRASE = 'archive passphrase';
const ODD_NAME = Buffer.concat([Buffer.from('odd\n"quoted" '), Buffer.from([0xff, 0xfe]), Buffer.from(' é.txt')]);
const ODD_ESCAPED = 'odd\n"quoted" \udcff\udcfe é.txt';

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

describe('archives on real borg', () => {
  let testApp: TestApp;
  let agent: Agent;
  let work: string;
  let source: string;
  let repositoryId: number;
  const big = 110 * 1024 * 1024;

  beforeAll(async () => {
    testApp = await startTestApp();
    // These tests are about indexing when an archive is first opened: backups index nothing here.
    testApp.app.get(ArchiveSettings).indexNewArchives = false;
    // A first browse waits for the index; on a loaded machine building it can take longer than the server's 3 s.
    testApp.app.get(ArchiveSettings).indexWaitMs = INDEX_WAIT_MS;
    agent = await setupAdmin(testApp);
    work = testApp.work;
    source = writeTree(join(work, 'data'), {
      'docs/a.txt': 'alpha\n',
      'docs/b.txt': 'bravo bravo\n',
      'docs/sub/c.txt': 'charlie\n',
      'photos/p1.jpg': randomBytes(5000),
      'zeta.txt': 'zeta\n',
    });
    writeFileSync(Buffer.concat([Buffer.from(join(source, 'docs') + '/'), ODD_NAME]), 'odd content\n');
    for (let i = 0; i < 25; i++) writeFileSync(join(source, 'docs', `many-${String(i).padStart(2, '0')}.txt`), 'x'.repeat(i));
    // A large file that never fits in memory twice; random so that it cannot be compressed away.
    const chunk = randomBytes(1024 * 1024);
    const bigFile = join(source, 'big.bin');
    writeFileSync(bigFile, '');
    for (let i = 0; i < big / chunk.length; i++) writeFileSync(bigFile, chunk, { flag: 'a' });

    const created = await agent
      .post('/api/repositories')
      .send({ name: 'Archives', path: join(work, 'repo'), encryption: 'repokey-blake2', passphrase: PASSPHRASE })
      .expect(201);
    repositoryId = created.body.data.id;
    await backup('first');
    writeFileSync(join(source, 'docs/a.txt'), 'alpha changed\n');
    writeFileSync(join(source, 'docs/new.txt'), 'new file\n');
    execFileSync('rm', [join(source, 'zeta.txt')]);
    await backup('second');
  });
  afterAll(() => testApp.close());

  async function backup(archiveName: string): Promise<void> {
    const started = await agent
      .post('/api/backups/manual')
      .send({
        repository_id: repositoryId,
        source_path: source,
        archive_name: archiveName,
        compression: 'lz4',
        comment: `comment of ${archiveName}`,
      })
      .expect(201);
    const job = await waitForFinish(agent, started.body.data.id, 120_000);
    expect(job.status).toBe('completed');
  }

  const base = () => `/api/repositories/${repositoryId}/archives`;
  const pathOf = (path: string) => `/${source.replace(/^\//, '')}/${path}`.replace(/\/$/, '');
  const browse = (archive: string, query: string) => agent.get(`${base()}/${encodeURIComponent(archive)}/browse?${query}`);

  it('lists every archive newest first from the database, with sizes from the backup; details from borg info', async () => {
    const list = await agent.get(base()).expect(200);
    expect(list.body.meta).toEqual({ total: 2, limit: 50, offset: 0 });
    expect(list.body.data.map((a: { name: string }) => a.name)).toEqual(['second', 'first']);
    expect(list.body.data[1]).toMatchObject({
      comment: 'comment of first',
      file_count: 32,
      original_size: expect.any(Number),
      indexed: false,
    });

    const page = await agent.get(`${base()}?limit=1&offset=1&refresh=true`).expect(200);
    expect(page.body.data.map((a: { name: string }) => a.name)).toEqual(['first']);
    expect(page.body.meta.total).toBe(2);
    const oldestFirst = await agent.get(`${base()}?order=asc`).expect(200);
    expect(oldestFirst.body.data.map((a: { name: string }) => a.name)).toEqual(['first', 'second']);

    const details = await agent.get(`${base()}/first`).expect(200);
    expect(details.body.data).toMatchObject({
      name: 'first',
      id: expect.stringMatching(/^[0-9a-f]{64}$/),
      file_count: 32,
      hostname: expect.any(String),
      comment: 'comment of first',
      command_line: expect.arrayContaining(['create']),
    });
    expect(details.body.data.original_size).toBeGreaterThan(big);
    await agent.get(`${base()}/nope`).expect(404);
    await agent.get(`/api/repositories/9999/archives`).expect(404);
  });

  it('reads a page of the archive list in index order, without sorting all the archives of the repository', async () => {
    const dataSource = testApp.app.get(DataSource);
    for (const direction of ['DESC', 'ASC']) {
      const plan: Array<{ detail: string }> = await dataSource.query(
        `EXPLAIN QUERY PLAN SELECT * FROM archives WHERE repository_id = ? ORDER BY started_at ${direction}, id ${direction} LIMIT 50 OFFSET 0`,
        [repositoryId],
      );
      expect(plan.map((step) => step.detail)).toEqual([
        expect.stringContaining('USING INDEX idx_archives_repository_started (repository_id=?)'),
      ]);
    }
  });

  it('browses the root, a subdirectory with and without a leading slash, pages and sorts', async () => {
    const root = await browse('first', '').expect(200);
    expect(root.body.data.map((e: { name: string }) => e.name)).toEqual([source.split('/')[1]]);
    expect(root.body.data[0]).toMatchObject({ type: 'directory', path: `/${source.split('/')[1]}` });

    const top = await browse('first', `path=${encodeURIComponent(pathOf(''))}`).expect(200);
    expect(top.body.data.map((e: { name: string; type: string }) => `${e.type}:${e.name}`)).toEqual([
      'directory:docs',
      'directory:photos',
      'file:big.bin',
      'file:zeta.txt',
    ]);
    expect(top.body.data.find((e: { name: string }) => e.name === 'big.bin').size).toBe(big);

    const docsPath = pathOf('docs');
    const withSlash = await browse('first', `path=${encodeURIComponent(docsPath)}&limit=200`).expect(200);
    const withoutSlash = await browse('first', `path=${encodeURIComponent(docsPath.slice(1))}&limit=200`).expect(200);
    expect(withoutSlash.body.data).toEqual(withSlash.body.data);
    expect(withSlash.body.meta).toEqual({ total: 29, limit: 200, offset: 0 });
    expect(withSlash.body.data[0]).toMatchObject({ name: 'sub', type: 'directory', size: 8 });
    const docsSize = top.body.data.find((e: { name: string }) => e.name === 'docs').size;
    expect(docsSize).toBe(withSlash.body.data.reduce((sum: number, e: { size: number }) => sum + e.size, 0));

    const page = await browse('first', `path=${encodeURIComponent(docsPath)}&limit=5&offset=1`).expect(200);
    expect(page.body.data.map((e: { name: string }) => e.name)).toEqual(['a.txt', 'b.txt', 'many-00.txt', 'many-01.txt', 'many-02.txt']);
    const bySize = await browse('first', `path=${encodeURIComponent(docsPath)}&sort=size&order=desc&limit=3`).expect(200);
    expect(bySize.body.data.map((e: { name: string }) => e.name)).toEqual(['sub', 'many-24.txt', 'many-23.txt']);
    await browse('first', `path=${encodeURIComponent(docsPath)}&sort=owner`).expect(400);
  });

  it('refuses traversal and unknown paths', async () => {
    for (const path of ['../etc', '/a/../../etc', 'docs/./a', '..', '%00x']) {
      const response = await browse('first', `path=${path === '%00x' ? path : encodeURIComponent(path)}`).expect(400);
      expect(response.body.error.code).toBe('BAD_REQUEST');
    }
    await browse('first', `path=${encodeURIComponent(pathOf('nothing-here'))}`).expect(404);
    await browse('first', `path=${encodeURIComponent(pathOf('zeta.txt'))}`).expect(400);
    await browse('missing-archive', '').expect(404);
  });

  it('a name with a newline, quotes and bytes that are not UTF-8 survives listing, browsing and download', async () => {
    const docs = await browse('first', `path=${encodeURIComponent(pathOf('docs'))}&limit=200`).expect(200);
    const odd = docs.body.data.find((e: { name: string }) => e.name === ODD_ESCAPED);
    expect(odd).toMatchObject({ type: 'file', size: 12, path: `${pathOf('docs')}/${ODD_ESCAPED}` });
    expect(docs.text).toContain('\\udcff\\udcfe'); // JSON carries the bytes as surrogate escapes

    const download = await agent
      .get(`${base()}/first/download?path=${encodeEscapedPathForUrl(odd.path)}`)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(download.body.toString()).toBe('odd content\n');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="odd__quoted_ __ _.txt"; filename*=UTF-8''odd%0A%22quoted%22%20%EF%BF%BD%EF%BF%BD%20%C3%A9.txt`,
    );
  });

  it('a downloaded file is byte-identical, streamed with its length and type; a large one never lands in the data directory', async () => {
    const small = await agent
      .get(`${base()}/first/download?path=${encodeURIComponent(pathOf('docs/b.txt'))}`)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(small.body.toString()).toBe('bravo bravo\n');
    expect(small.headers['content-type']).toMatch(/^text\/plain/);
    expect(small.headers['content-length']).toBe('12');

    const before = diskUsage(testApp.dataDir);
    const { hash, length, peakDataDirGrowth } = await streamAndHash(
      `${base()}/first/download?path=${encodeURIComponent(pathOf('big.bin'))}`,
      () => diskUsage(testApp.dataDir) - before,
    );
    expect(length).toBe(big);
    expect(hash).toBe(await fileHash(join(source, 'big.bin')));
    expect(peakDataDirGrowth).toBeLessThan(5 * 1024 * 1024);

    await agent.get(`${base()}/first/download?path=${encodeURIComponent(pathOf('nothing'))}`).expect(404);
    await agent.get(`${base()}/first/download`).expect(400);
  });

  /** Hashes the body as it arrives (never holding it), sampling how much the data directory grew meanwhile. */
  async function streamAndHash(url: string, growth: () => number): Promise<{ hash: string; length: number; peakDataDirGrowth: number }> {
    const response = await agent
      .get(url)
      .buffer(true)
      .parse((res, done) => {
        const hash = createHash('sha256');
        let length = 0;
        let peak = 0;
        let nextSample = 0;
        res.on('data', (chunk: Buffer) => {
          hash.update(chunk);
          length += chunk.length;
          if (length >= nextSample) {
            peak = Math.max(peak, growth());
            nextSample += 16 * 1024 * 1024;
          }
        });
        res.on('end', () => done(null, { hash: hash.digest('hex'), length, peakDataDirGrowth: Math.max(peak, growth()) }));
      })
      .expect(200);
    return response.body;
  }

  it('a downloaded folder is a tar of exactly that folder', async () => {
    const response = await agent
      .get(`${base()}/first/download?path=${encodeURIComponent(pathOf('docs'))}`)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/x-tar');
    expect(response.headers['content-disposition']).toContain(`filename="docs.tar"`);
    const tarFile = join(work, 'docs.tar');
    writeFileSync(tarFile, response.body as Buffer);
    const out = join(work, 'untar');
    mkdirSync(out);
    execFileSync('tar', ['-xf', tarFile, '-C', out]);
    expect(readdirSync(out)).toEqual(['docs']);
    const names = readdirSync(join(out, 'docs'), { encoding: 'buffer' }).map((name) => name.toString('latin1'));
    expect(names).toHaveLength(29);
    expect(names).toContain(ODD_NAME.toString('latin1'));
    expect(readFileSync(join(out, 'docs/sub/c.txt'), 'utf8')).toBe('charlie\n');
  });

  it('restores a folder to a server directory with the same bytes, and refuses to overwrite unless asked', async () => {
    const destination = join(work, 'restore');
    mkdirSync(destination);
    const depth = pathOf('docs').split('/').length - 2;
    const request = { paths: [pathOf('docs'), pathOf('photos/p1.jpg')], destination, strip_components: depth };
    const started = await agent.post(`${base()}/first/restore`).send(request).expect(201);
    expect(started.body.data).toMatchObject({ type: 'restore', status: 'queued' });
    const job = await waitForFinish(agent, started.body.data.id, 60_000);
    expect(job.status).toBe('completed');
    expect(readdirSync(destination).sort()).toEqual(['docs', 'photos']);
    expect(sha256(readFileSync(join(destination, 'photos/p1.jpg')))).toBe(sha256(readFileSync(join(source, 'photos/p1.jpg'))));
    expect(readFileSync(join(destination, 'docs/sub/c.txt'), 'utf8')).toBe('charlie\n');
    expect(readFileSync(Buffer.concat([Buffer.from(join(destination, 'docs') + '/'), ODD_NAME]), 'utf8')).toBe('odd content\n');

    const again = await agent.post(`${base()}/first/restore`).send(request).expect(409);
    expect(again.body.error.details.existing).toEqual(expect.arrayContaining([join(destination, 'docs')]));
    const overwrite = await agent
      .post(`${base()}/first/restore`)
      .send({ ...request, overwrite: true })
      .expect(201);
    expect((await waitForFinish(agent, overwrite.body.data.id, 60_000)).status).toBe('completed');

    const invalid = await agent
      .post(`${base()}/first/restore`)
      .send({ paths: [pathOf('nope')], destination: join(work, 'missing') })
      .expect(422);
    expect(Object.keys(invalid.body.error.details).sort()).toEqual(['destination', 'paths']);
    await agent
      .post(`${base()}/first/restore`)
      .send({ paths: ['../x'], destination })
      .expect(400);
    const depthOfFile = pathOf('zeta.txt').split('/').length - 1;
    const stripped = await agent
      .post(`${base()}/first/restore`)
      .send({ paths: [pathOf('zeta.txt')], destination, strip_components: depthOfFile })
      .expect(422);
    expect(Object.keys(stripped.body.error.details)).toEqual(['strip_components']);
  });

  it('diff names exactly the changed files', async () => {
    const diff = await agent.get(`${base()}/first/diff/second?content_only=true`).expect(200);
    const changes = Object.fromEntries(
      diff.body.data.map((e: { path: string; changes: Array<{ type: string }> }) => [e.path, e.changes.map((c) => c.type)]),
    );
    expect(changes).toEqual({
      [pathOf('docs/a.txt')]: ['modified'],
      [pathOf('docs/new.txt')]: ['added'],
      [pathOf('zeta.txt')]: ['removed'],
    });
    const limited = await agent
      .get(`${base()}/first/diff/second?path=${encodeURIComponent(pathOf('docs'))}&content_only=true&limit=1`)
      .expect(200);
    expect(limited.body.meta).toEqual({ total: 2, limit: 1, offset: 0 });
    await agent.get(`${base()}/first/diff/nope`).expect(404);
  });

  it('search finds a file across the indexed archives, newest first', async () => {
    await browse('second', '').expect(200);
    const found = await agent.get(`/api/repositories/${repositoryId}/search?q=A.TXT`).expect(200);
    const hits = found.body.data.hits.map((h: { archive_name: string; path: string; size: number }) => [h.archive_name, h.path, h.size]);
    // newest archive first; zeta.txt matches too, and only the first archive still has it
    expect(hits[0]).toEqual(['second', pathOf('docs/a.txt'), 14]);
    expect(hits.slice(1)).toEqual(
      expect.arrayContaining([
        ['first', pathOf('docs/a.txt'), 6],
        ['first', pathOf('zeta.txt'), 5],
      ]),
    );
    expect(hits).toHaveLength(3);
    expect(found.body.data).toMatchObject({ searched_archives: 2, unindexed_archives: 0, truncated: false });
    const limited = await agent.get(`/api/repositories/${repositoryId}/search?q=many&limit=3`).expect(200);
    expect(limited.body.data).toMatchObject({ truncated: true });
    expect(limited.body.data.hits).toHaveLength(3);
    await agent.get(`/api/repositories/${repositoryId}/search?q=`).expect(400);
  });

  it('deletes an archive: 204, then 404; its index goes with it; 409 while a job holds the repository', async () => {
    const index = await agent.get(`${base()}/second/index`).expect(200);
    expect(index.body.data).toMatchObject({ state: 'ready', entries: expect.any(Number) });
    const indexDir = join(testApp.dataDir, 'archive-indexes', String(repositoryId));
    expect(readdirSync(indexDir)).toHaveLength(2);

    const slow = await agent
      .post('/api/backups/manual')
      .send({ repository_id: repositoryId, source_path: source, archive_name: 'third', compression: 'zstd,19' })
      .expect(201);
    const busy = await agent.delete(`${base()}/second`).expect(409);
    expect(busy.body.error.code).toBe('REPOSITORY_BUSY');
    await waitForFinish(agent, slow.body.data.id, 120_000);

    await agent.delete(`${base()}/second`).expect(204);
    await agent.delete(`${base()}/second`).expect(404);
    await agent.get(`${base()}/second`).expect(404);
    expect(readdirSync(indexDir)).toHaveLength(1);
    const list = await agent.get(`${base()}?refresh=true`).expect(200);
    expect(list.body.data.map((a: { name: string }) => a.name)).toEqual(['third', 'first']);
  });

  it('answers 202 with progress while a first index is built; a download meanwhile is 503 with Retry-After', async () => {
    testApp.app.get(ArchiveSettings).indexWaitMs = 0;
    try {
      const download = await agent.get(`${base()}/third/download?path=${encodeURIComponent(pathOf('zeta.txt'))}`).expect(503);
      expect(download.headers['retry-after']).toBe('5');
      expect(download.body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { index: { state: 'building' } } });
      const response = await browse('third', '').expect(202);
      expect(response.body.data).toMatchObject({ state: expect.stringMatching(/building|ready/) });
      let state = response.body.data.state;
      for (let i = 0; i < 200 && state !== 'ready'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        state = (await agent.get(`${base()}/third/index`).expect(200)).body.data.state;
      }
      expect(state).toBe('ready');
      await browse('third', '').expect(200);
    } finally {
      testApp.app.get(ArchiveSettings).indexWaitMs = INDEX_WAIT_MS;
    }
  });
});

function binary(res: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

function diskUsage(dir: string): number {
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
}

function fileHash(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
