import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

const PASSWORD = 'correct horse battery staple';
const UNAUTHORIZED = { status: 'error', error: { code: 'UNAUTHORIZED', message: 'Authentication required' } };
const HOOK = { name: 'Say hello', command: ['echo', 'hello'] };

describe('API keys', () => {
  let testApp: TestApp;
  let admin: Agent;

  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

  async function createKey(agent: Agent, body: Record<string, unknown>): Promise<{ id: number; key: string }> {
    const created = await agent.post('/api/api-keys').send(body).expect(201);
    return created.body.data;
  }

  async function logIn(username: string): Promise<Agent> {
    const agent = testApp.http();
    await agent.post('/api/auth/login').send({ username, password: PASSWORD }).expect(200);
    return agent;
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await setupAdmin(testApp);
    await admin.post('/api/users').send({ username: 'viewer', password: PASSWORD, role: 'viewer' }).expect(201);
  });
  afterAll(() => testApp.close());

  it('shows a new key once; the list shows its prefix, never the key or its hash', async () => {
    const created = await admin.post('/api/api-keys').send({ name: 'report script', scope: 'read' }).expect(201);
    const { key, ...listed } = created.body.data;
    expect(key).toMatch(/^bgk_[A-Za-z0-9_-]{43}$/);
    expect(listed).toEqual({
      id: expect.any(Number),
      name: 'report script',
      prefix: key.slice(0, 12),
      scope: 'read',
      created_at: expect.any(String),
      expires_at: null,
      last_used_at: null,
      last_used_from: null,
    });

    const list = await admin.get('/api/api-keys').expect(200);
    expect(list.body.data).toContainEqual(listed);
    expect(list.body.meta).toMatchObject({ limit: 50, offset: 0 });
    expect(JSON.stringify(list.body)).not.toContain(key.slice(12));
    for (const item of list.body.data) expect(Object.keys(item).sort()).toEqual(Object.keys(listed).sort());
  });

  it('lets a read key GET, refuses it changes, and records when and from where it was used', async () => {
    const { id, key } = await createKey(admin, { name: 'reader', scope: 'read' });
    await testApp.http().get('/api/repositories').set(bearer(key)).expect(200);
    const refused = await testApp
      .http()
      .post('/api/repositories')
      .set(bearer(key))
      .send({ name: 'x', path: join(testApp.work, 'x'), encryption: 'none' })
      .expect(403);
    expect(refused.body.error).toEqual({
      code: 'FORBIDDEN',
      message: 'This needs the admin role; you are signed in as an admin with an API key that acts as a viewer',
    });

    const listed = (await admin.get('/api/api-keys').expect(200)).body.data.find((item: { id: number }) => item.id === id);
    expect(Date.now() - Date.parse(listed.last_used_at)).toBeLessThan(60_000);
    expect(listed.last_used_from).toMatch(/127\.0\.0\.1|::1/);
    // Within the minute a use is not written again.
    await testApp.http().get('/api/repositories').set(bearer(key)).expect(200);
    const again = (await admin.get('/api/api-keys').expect(200)).body.data.find((item: { id: number }) => item.id === id);
    expect(again.last_used_at).toBe(listed.last_used_at);
  });

  it('refuses an expired key and a revoked key with 401', async () => {
    const expiring = await createKey(admin, { name: 'short-lived', scope: 'read', expires_at: new Date(Date.now() + 1500).toISOString() });
    await testApp.http().get('/api/auth/me').set(bearer(expiring.key)).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect((await testApp.http().get('/api/auth/me').set(bearer(expiring.key)).expect(401)).body).toEqual(UNAUTHORIZED);

    const revoked = await createKey(admin, { name: 'revoked', scope: 'operate' });
    await testApp.http().get('/api/auth/me').set(bearer(revoked.key)).expect(200);
    await admin.delete(`/api/api-keys/${revoked.id}`).expect(204);
    expect((await testApp.http().get('/api/auth/me').set(bearer(revoked.key)).expect(401)).body).toEqual(UNAUTHORIZED);
    await admin.delete(`/api/api-keys/${revoked.id}`).expect(404);
    const listed = (await admin.get('/api/api-keys').expect(200)).body.data.map((item: { id: number }) => item.id);
    expect(listed).not.toContain(revoked.id);

    expect((await testApp.http().get('/api/auth/me').set(bearer('bgk_unknown')).expect(401)).body).toEqual(UNAUTHORIZED);
  });

  it('judges a request with a bearer credential by it alone, not by its session cookie', async () => {
    const response = await admin.get('/api/auth/me').set(bearer('bgk_unknown')).expect(401);
    expect(response.body).toEqual(UNAUTHORIZED);
  });

  it('refuses a scope above the creator’s role, and an expiry in the past', async () => {
    const viewer = await logIn('viewer');
    const above = await viewer.post('/api/api-keys').send({ name: 'too much', scope: 'operate' }).expect(422);
    expect(above.body.error.details).toEqual({ scope: ['scope must be one of read: not above your role (viewer)'] });
    await createKey(viewer, { name: 'fine', scope: 'read' });

    const { key: readKey } = await createKey(admin, { name: 'reader of admin', scope: 'read' });
    await testApp.http().post('/api/api-keys').set(bearer(readKey)).send({ name: 'escalate', scope: 'admin' }).expect(422);

    const past = await admin
      .post('/api/api-keys')
      .send({ name: 'late', scope: 'read', expires_at: new Date(Date.now() - 60_000).toISOString() })
      .expect(422);
    expect(past.body.error.details).toEqual({ expires_at: ['expires_at must be in the future'] });
  });

  it('lets nobody revoke another user’s key', async () => {
    const { id, key } = await createKey(admin, { name: 'mine', scope: 'read' });
    const viewer = await logIn('viewer');
    await viewer.delete(`/api/api-keys/${id}`).expect(404);
    await testApp.http().get('/api/auth/me').set(bearer(key)).expect(200);
    const viewersList = (await viewer.get('/api/api-keys').expect(200)).body.data.map((item: { id: number }) => item.id);
    expect(viewersList).not.toContain(id);
  });

  it('ends a key with its owner', async () => {
    const user = await admin.post('/api/users').send({ username: 'leaving', password: PASSWORD, role: 'operator' }).expect(201);
    const { key } = await createKey(await logIn('leaving'), { name: 'cron', scope: 'operate' });
    await testApp.http().get('/api/auth/me').set(bearer(key)).expect(200);
    await admin.delete(`/api/users/${user.body.data.id}`).expect(204);
    expect((await testApp.http().get('/api/auth/me').set(bearer(key)).expect(401)).body).toEqual(UNAUTHORIZED);
  });

  it('takes a key’s mutating request whatever its Origin, unlike a cookie’s', async () => {
    const { key } = await createKey(admin, { name: 'elsewhere', scope: 'admin' });
    await testApp
      .http()
      .post('/api/api-keys')
      .set(bearer(key))
      .set('origin', 'https://evil.example')
      .send({ name: 'from a key', scope: 'read' })
      .expect(201);
    const refused = await admin
      .post('/api/api-keys')
      .set('origin', 'https://evil.example')
      .send({ name: 'from a cookie', scope: 'read' })
      .expect(403);
    expect(refused.body.error).toEqual({ code: 'FORBIDDEN', message: 'Cross-origin request refused' });
  });

  it('acts with the key’s scope, not its owner’s role, where the role matters: an operate key sets no hooks', async () => {
    const source = join(testApp.work, 'source');
    mkdirSync(source, { recursive: true });
    const repository = await admin
      .post('/api/repositories')
      .send({ name: 'Documents', path: join(testApp.work, 'repo'), encryption: 'none' })
      .expect(201);
    const schedule = {
      repository_id: repository.body.data.id,
      source_path: source,
      cron_expression: '0 2 * * *',
      timezone: 'UTC',
      pre_hooks: [HOOK],
    };
    const { key: operateKey } = await createKey(admin, { name: 'operate', scope: 'operate' });
    const { key: adminKey } = await createKey(admin, { name: 'admin', scope: 'admin' });
    const refused = await testApp
      .http()
      .post('/api/schedules')
      .set(bearer(operateKey))
      .send({ ...schedule, name: 'By operate key' })
      .expect(403);
    expect(refused.body.error.message).toBe('Only an admin may set hooks: they run shell commands as the server’s user');
    await testApp
      .http()
      .post('/api/schedules')
      .set(bearer(adminKey))
      .send({ ...schedule, name: 'By admin key' })
      .expect(201);
  });
});

describe('API key rate limit', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { BORGITORY_API_KEY_RATE_LIMIT: '3' } });
  });
  afterAll(() => testApp.close());

  it('answers 429 with Retry-After once a key has made its requests of the minute, per key', async () => {
    const admin = await setupAdmin(testApp);
    const keys = [];
    for (const name of ['busy', 'quiet'])
      keys.push((await admin.post('/api/api-keys').send({ name, scope: 'read' }).expect(201)).body.data.key);
    const [busy, quiet] = keys;
    for (let i = 0; i < 3; i++) await testApp.http().get('/api/auth/me').set('authorization', `Bearer ${busy}`).expect(200);
    const limited = await testApp.http().get('/api/auth/me').set('authorization', `Bearer ${busy}`).expect(429);
    expect(limited.headers['retry-after']).toBe('20');
    expect(limited.body).toEqual({
      status: 'error',
      error: {
        code: 'RATE_LIMITED',
        message: 'Too many requests with this API key; try again in 20 second(s)',
        details: { retry_after_seconds: 20 },
      },
    });
    await testApp.http().get('/api/auth/me').set('authorization', `Bearer ${quiet}`).expect(200);
    await admin.get('/api/auth/me').expect(200);
  });
});
