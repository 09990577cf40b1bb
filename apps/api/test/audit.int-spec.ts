import { join } from 'node:path';
import { writeTree } from '@borgitory/borg-runner/testing';
import type { Agent } from 'supertest';
import { waitForFinish } from './support/job-client';
import { ADMIN, setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

const PASSWORD = 'correct horse battery staple';

interface AuditEntry {
  id: number;
  occurred_at: string;
  user_id: number | null;
  username: string | null;
  api_key_id: number | null;
  address: string;
  action: string;
  target: Record<string, string>;
  status: number;
  outcome: string;
}

describe('audit trail', () => {
  let testApp: TestApp;
  let admin: Agent;
  let viewer: Agent;
  let repositoryId: number;
  let archive: string;
  let source: string;

  /** Entries are written once each answer has gone out: the newest may need a moment. */
  async function entries(query: Record<string, string | number> = {}, atLeast = 1): Promise<AuditEntry[]> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found: AuditEntry[] = (
        await admin
          .get('/api/audit')
          .query({ limit: 200, ...query })
          .expect(200)
      ).body.data;
      if (found.length >= atLeast || Date.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await setupAdmin(testApp);
    source = writeTree(join(testApp.work, 'source'), { 'secret-plans.txt': 'top secret' });
    repositoryId = (
      await admin
        .post('/api/repositories')
        .send({ name: 'Vault', path: join(testApp.work, 'repo'), encryption: 'repokey-blake2', passphrase: 'vault passphrase 42' })
        .expect(201)
    ).body.data.id;
    const started = await admin.post('/api/backups/manual').send({ repository_id: repositoryId, source_path: source }).expect(201);
    await waitForFinish(admin, started.body.data.id);
    archive = (await admin.get(`/api/repositories/${repositoryId}/archives`).expect(200)).body.data[0].name;
    await admin.post('/api/users').send({ username: 'vera', password: PASSWORD, role: 'viewer' }).expect(201);
    viewer = testApp.http();
    await viewer.post('/api/auth/login').send({ username: 'vera', password: PASSWORD }).expect(200);
  });
  afterAll(() => testApp.close());

  it('records changes with who, from where, what and how they ended, and never a secret', async () => {
    const all = await entries({}, 5);
    const byAction = (action: string) => all.filter((entry) => entry.action === action);
    expect(byAction('POST /api/v1/auth/setup')[0]).toMatchObject({ username: ADMIN.username, status: 201, outcome: 'succeeded' });
    expect(byAction('POST /api/v1/repositories')[0]).toMatchObject({ user_id: 1, username: ADMIN.username, status: 201, target: {} });
    expect(byAction('POST /api/v1/backups/manual')[0]).toMatchObject({ username: ADMIN.username, outcome: 'succeeded' });
    expect(byAction('POST /api/v1/users')[0]).toMatchObject({ username: ADMIN.username, status: 201 });
    expect(byAction('POST /api/v1/auth/login')[0]).toMatchObject({ username: 'vera', status: 200, outcome: 'succeeded' });
    for (const entry of all) expect(entry.address).toMatch(/127\.0\.0\.1/);
    // Reads that hand out nothing sensitive are not recorded.
    expect(byAction('GET /api/v1/repositories/{id}/archives')).toEqual([]);
    const text = JSON.stringify(all);
    for (const secret of ['vault passphrase 42', PASSWORD, ADMIN.password]) expect(text).not.toContain(secret);
  });

  it('records sensitive reads, refusals and failed logins', async () => {
    const download = `/api/repositories/${repositoryId}/archives/${encodeURIComponent(archive)}/download`;
    const filePath = join(source, 'secret-plans.txt').slice(1);
    await admin.get(download).query({ path: filePath }).expect(200);
    await admin.get(`/api/repositories/${repositoryId}/key`).expect(200);
    await viewer.get(download).query({ path: filePath }).expect(403);
    await viewer.delete(`/api/repositories/${repositoryId}`).expect(403);
    await testApp.http().post('/api/auth/login').send({ username: 'vera', password: 'not her password' }).expect(401);

    const downloads = await entries({ action: 'GET /api/v1/repositories/{id}/archives/{archive}/download' }, 2);
    expect(downloads.map((entry) => [entry.username, entry.status, entry.outcome])).toEqual([
      ['vera', 403, 'refused'],
      [ADMIN.username, 200, 'succeeded'],
    ]);
    expect(downloads[1].target).toEqual({ id: String(repositoryId), archive, path: filePath });
    expect(await entries({ action: 'GET /api/v1/repositories/{id}/key' })).toHaveLength(1);

    const veraId = (await admin.get('/api/users').expect(200)).body.data.find((user: { username: string }) => user.username === 'vera').id;
    const hers = await entries({ user_id: veraId }, 3);
    expect(hers.map((entry) => entry.action)).toEqual([
      'DELETE /api/v1/repositories/{id}',
      'GET /api/v1/repositories/{id}/archives/{archive}/download',
      'POST /api/v1/auth/login',
    ]);
    const failed = (await entries({ action: 'POST /api/v1/auth/login' }, 2)).find((entry) => entry.status === 401);
    expect(failed).toMatchObject({ user_id: null, username: 'vera', outcome: 'refused' });
  });

  it('names the API key a change came with, and records the creation of a key but never the key', async () => {
    const created = (await admin.post('/api/api-keys').send({ name: 'Nightly script', scope: 'operate' }).expect(201)).body.data;
    const started = await testApp
      .http()
      .post('/api/backups/manual')
      .set('authorization', `Bearer ${created.key}`)
      .send({ repository_id: repositoryId, source_path: source })
      .expect(201);
    await waitForFinish(admin, started.body.data.id);
    const backups = await entries({ action: 'POST /api/v1/backups/manual' }, 2);
    expect(backups[0]).toMatchObject({ username: ADMIN.username, api_key_id: created.id, outcome: 'succeeded' });
    expect(await entries({ action: 'POST /api/v1/api-keys' })).toHaveLength(1);
    expect(JSON.stringify(await entries({}, 10))).not.toContain(created.key);
  });

  it('filters by time, pages newest first, and is for admins only', async () => {
    const newest = (await entries())[0];
    const since = await entries({ since: newest.occurred_at });
    expect(since.every((entry) => entry.occurred_at >= newest.occurred_at)).toBe(true);
    expect(await entries({ until: '2000-01-01T00:00:00Z' }, 0)).toEqual([]);
    const page = await admin.get('/api/audit').query({ limit: 2, offset: 1 }).expect(200);
    expect(page.body.data).toHaveLength(2);
    expect(page.body.meta.total).toBeGreaterThan(3);
    const bad = await admin.get('/api/audit').query({ since: 'yesterday' }).expect(422);
    expect(bad.body.error.message).toBe('Since must be a date and time');
    await viewer.get('/api/audit').expect(403);
  });

  it('lists the operations it holds with their counts, each one a filter that finds that many entries', async () => {
    await entries({ action: 'POST /api/v1/backups/manual' });
    const actions: { action: string; entries: number }[] = (await admin.get('/api/audit/actions').expect(200)).body.data;
    const names = actions.map((entry) => entry.action);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['POST /api/v1/backups/manual', 'POST /api/v1/repositories', 'POST /api/v1/users']));
    const backups = actions.find((entry) => entry.action === 'POST /api/v1/backups/manual');
    const filtered = await admin.get('/api/audit').query({ action: 'POST /api/v1/backups/manual', limit: 1 }).expect(200);
    expect(filtered.body.meta.total).toBe(backups?.entries);
    await viewer.get('/api/audit/actions').expect(403);
  });
});
