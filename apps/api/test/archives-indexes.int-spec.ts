import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { waitForFinish } from './support/job-client';
import { writeManyFiles } from './support/source-tree';
import { ADMIN, setupAdmin, startTestApp, TestApp } from './support/test-app';
import { ArchiveSettings } from '../src/archives/archive-settings';

jest.setTimeout(180_000);

/** Running `borg extract` processes whose command line mentions `needle`. */
function extractProcesses(needle: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
      if (cmdline.includes('extract') && cmdline.includes(needle) && state !== 'Z') found.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describe('archive indexes: disk budget, restarts, and downloads cut short', () => {
  let testApp: TestApp;
  let agent: Agent;
  let repositoryId: number;
  let repositoryPath: string;
  let source: string;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { BORGITORY_INDEX_BUDGET_MB: '1' } });
    // These tests are about the budget, not the wait: on a busy machine a 12,000-file index takes longer than 3 s.
    testApp.app.get(ArchiveSettings).indexWaitMs = 60_000;
    // Indexes are built by browsing here, in the order the tests choose: backups index nothing.
    testApp.app.get(ArchiveSettings).indexNewArchives = false;
    agent = await setupAdmin(testApp);
    source = writeManyFiles(join(testApp.work, 'many'), 12_000);
    const chunk = randomBytes(1024 * 1024);
    for (let i = 0; i < 64; i++) writeFileSync(join(source, 'large.bin'), chunk, { flag: 'a' });
    repositoryPath = join(testApp.work, 'repo');
    const created = await agent.post('/api/repositories').send({ name: 'Indexes', path: repositoryPath, encryption: 'none' }).expect(201);
    repositoryId = created.body.data.id;
    for (const name of ['one', 'two']) {
      const started = await agent
        .post('/api/backups/manual')
        .send({ repository_id: repositoryId, source_path: source, archive_name: name })
        .expect(201);
      expect((await waitForFinish(agent, started.body.data.id, 120_000)).status).toBe('completed');
    }
  });
  afterAll(async () => {
    await restarted?.close();
    await testApp.close({ keepData: restarted !== undefined });
  });
  let restarted: TestApp | undefined;

  const archives = () => `/api/repositories/${repositoryId}/archives`;
  const indexFiles = () => readdirSync(join(testApp.dataDir, 'archive-indexes', String(repositoryId)));

  it('keeps indexes within the budget: building a second one evicts the least recently used', async () => {
    await agent.get(`${archives()}/one/browse`).expect(200);
    const one = (await agent.get(`${archives()}/one/index`).expect(200)).body.data;
    expect(one).toMatchObject({ state: 'ready', entries: 12_000 + 1 + 24 + 1 }); // files, large.bin, d0…d23, the source directory; implied parents are not entries
    expect(one.bytes).toBeGreaterThan((1024 * 1024) / 2);
    expect(indexFiles()).toHaveLength(1);

    await agent.get(`${archives()}/two/browse`).expect(200);
    expect(indexFiles()).toHaveLength(1);
    expect((await agent.get(`${archives()}/one/index`).expect(200)).body.data.state).toBe('none');
    expect((await agent.get(`${archives()}/two/index`).expect(200)).body.data.state).toBe('ready');
    const list = (await agent.get(archives()).expect(200)).body.data;
    expect(list.map((a: { name: string; indexed: boolean }) => [a.name, a.indexed])).toEqual([
      ['two', true],
      ['one', false],
    ]);
  });

  it('a client that goes away mid-download stops borg', async () => {
    const server = testApp.app.getHttpServer();
    if (!server.listening) await testApp.app.listen(0, '127.0.0.1');
    const { port } = server.address() as AddressInfo;
    const cookie = await sessionCookie();
    const path = encodeURIComponent(`${source}/large.bin`);
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: `${archives()}/two/download?path=${path}`, headers: { cookie } }, (res) => {
        expect(res.statusCode).toBe(200);
        res.once('data', () => {
          expect(extractProcesses(repositoryPath).length).toBeGreaterThan(0);
          req.destroy();
          resolve();
        });
      });
      req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
      req.end();
    });
    const deadline = Date.now() + 10_000;
    while (extractProcesses(repositoryPath).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(extractProcesses(repositoryPath)).toEqual([]);
  });

  it('indexes and the archive list survive a restart; the index is used again without borg', async () => {
    await testApp.app.close();
    testApp.app = { close: async () => undefined } as unknown as TestApp['app'];
    restarted = await startTestApp({ dataDir: testApp.dataDir, env: { BORGITORY_INDEX_BUDGET_MB: '1' } });
    const again = restarted.http();
    await again.post('/api/auth/login').send(ADMIN).expect(200);
    expect((await again.get(`${archives()}/two/index`).expect(200)).body.data.state).toBe('ready');
    const top = await again.get(`${archives()}/two/browse?path=${encodeURIComponent(source)}`).expect(200);
    expect(top.body.meta.total).toBe(25);
  });

  async function sessionCookie(): Promise<string> {
    const login = await testApp.http().post('/api/auth/login').send(ADMIN).expect(200);
    return (login.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
  }
});
