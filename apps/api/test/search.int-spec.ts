import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTree } from '@borgitory/borg-runner/testing';
import type { Agent } from 'supertest';
import { waitForFinish } from './support/job-client';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

interface Hit {
  repository: { id: number; name: string };
  archive_name: string;
  path: string;
  size: number;
  mtime: string;
  versions: Array<{ archive_name: string; size: number }>;
}

describe('search across repositories, indexed after each backup', () => {
  let testApp: TestApp;
  let agent: Agent;
  let source: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    agent = await setupAdmin(testApp);
    source = writeTree(join(testApp.work, 'data'), { 'docs/Tax-Return.pdf': 'first version\n', 'docs/other.txt': 'other\n' });
  });
  afterAll(() => testApp.close());

  async function repository(name: string): Promise<number> {
    const created = await agent
      .post('/api/repositories')
      .send({ name, path: join(testApp.work, name), encryption: 'none' })
      .expect(201);
    return created.body.data.id;
  }

  async function backup(repositoryId: number, archiveName: string): Promise<void> {
    const started = await agent
      .post('/api/backups/manual')
      .send({ repository_id: repositoryId, source_path: source, archive_name: archiveName })
      .expect(201);
    expect((await waitForFinish(agent, started.body.data.id, 60_000)).status).toBe('completed');
  }

  /** Polls the index state only: it never builds an index (GET …/index reads the state). */
  async function indexReady(repositoryId: number, archiveName: string): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const state = (await agent.get(`/api/repositories/${repositoryId}/archives/${archiveName}/index`).expect(200)).body.data.state;
      if (state === 'ready') return;
      if (Date.now() > deadline) throw new Error(`The index of ${archiveName} is ${state} after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('indexes a backup’s archive in the background: the archive search finds its files without a browse', async () => {
    const id = await repository('Laptop');
    await backup(id, 'laptop-1');
    await indexReady(id, 'laptop-1');
    const found = await agent.get(`/api/repositories/${id}/search?q=tax-return`).expect(200);
    expect(found.body.data).toMatchObject({ searched_archives: 1, unindexed_archives: 0 });
    expect(found.body.data.hits.map((hit: Hit) => [hit.archive_name, hit.path])).toEqual([['laptop-1', `${source}/docs/Tax-Return.pdf`]]);
  });

  it('finds a file in two repositories right after their backups, with its other versions', async () => {
    const laptop = (await agent.get('/api/repositories').expect(200)).body.data.find((r: { name: string }) => r.name === 'Laptop').id;
    writeFileSync(join(source, 'docs/Tax-Return.pdf'), 'second version, longer\n');
    await backup(laptop, 'laptop-2');
    const server = await repository('Server');
    await backup(server, 'server-1');
    await indexReady(laptop, 'laptop-2');
    await indexReady(server, 'server-1');

    const found = await agent.get('/api/search?q=TAX-return').expect(200);
    const { hits, ...rest } = found.body.data as { hits: Hit[] };
    expect(rest).toEqual({
      total: 2,
      limit: 50,
      offset: 0,
      truncated: false,
      repositories: [
        { id: laptop, name: 'Laptop', searched_archives: 2, not_indexed: 0, not_searched: 0 },
        { id: server, name: 'Server', searched_archives: 1, not_indexed: 0, not_searched: 0 },
      ],
    });
    const path = `${source}/docs/Tax-Return.pdf`;
    expect(hits).toEqual([
      expect.objectContaining({
        repository: { id: laptop, name: 'Laptop' },
        archive_name: 'laptop-2',
        path,
        name: 'Tax-Return.pdf',
        type: 'file',
        size: 23,
        mtime: expect.any(String),
        versions: [expect.objectContaining({ archive_name: 'laptop-1', size: 14 })],
      }),
      expect.objectContaining({ repository: { id: server, name: 'Server' }, archive_name: 'server-1', path, size: 23, versions: [] }),
    ]);

    const second = await agent.get('/api/search?q=tax&limit=1&offset=1').expect(200);
    expect(second.body.data.hits.map((hit: Hit) => hit.repository.name)).toEqual(['Server']);
    expect(second.body.data.total).toBe(2);
  });

  it('asks for 2 to 200 characters: 422 with the usual envelope', async () => {
    for (const q of ['', 'a', ' a ', 'x'.repeat(201)]) {
      const answer = await agent.get(`/api/search?q=${encodeURIComponent(q)}`).expect(422);
      expect(answer.body).toMatchObject({ status: 'error', error: { code: 'VALIDATION_ERROR', details: { q: [expect.any(String)] } } });
    }
    const missing = await agent.get('/api/search').expect(422);
    expect(missing.body.error.message).toBe('Type at least 2 characters of the name to search for.');
    await agent.get('/api/search?q=ab&limit=0').expect(400);
  });
});
