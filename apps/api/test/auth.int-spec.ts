import { DataSource } from 'typeorm';
import { AuthSettings } from '../src/auth/auth-settings';
import { ADMIN, setupAdmin, startTestApp, TestApp } from './support/test-app';

function sessionCookie(setCookie: string[] | string | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = cookies.find((value) => value.startsWith('borgitory.sid='));
  if (!cookie) throw new Error('no session cookie was set');
  return cookie;
}

const { maxFailuresPerClient: MAX_FAILED_LOGINS } = new AuthSettings();

describe('auth', () => {
  let testApp: TestApp;
  beforeEach(async () => (testApp = await startTestApp()));
  afterEach(() => testApp.close());

  it('walks first-run setup, me, logout and login', async () => {
    const before = await testApp.http().get('/api/auth/status').expect(200);
    expect(before.body.data).toEqual({
      setup_required: true,
      authenticated: false,
      user: null,
      single_sign_on: null,
      password_login: true,
    });

    const refusedLogin = await testApp.http().post('/api/auth/login').send(ADMIN).expect(409);
    expect(refusedLogin.body.error.code).toBe('SETUP_REQUIRED');

    const agent = testApp.http();
    const setup = await agent.post('/api/auth/setup').send(ADMIN).expect(201);
    expect(setup.body.data).toEqual({ id: 1, username: 'admin', role: 'admin', created_at: expect.any(String), two_factor_enabled: false });
    expect(setup.body.data).not.toHaveProperty('password');
    const cookie = sessionCookie(setup.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);

    const status = await agent.get('/api/auth/status').expect(200);
    expect(status.body.data).toMatchObject({ setup_required: false, authenticated: true, user: { username: 'admin' } });
    await agent.get('/api/auth/me').expect(200);

    await agent.post('/api/auth/logout').expect(204);
    await agent.get('/api/auth/me').expect(401);

    const wrong = await agent
      .post('/api/auth/login')
      .send({ ...ADMIN, password: 'wrong password' })
      .expect(401);
    expect(wrong.body.error).toEqual({ code: 'UNAUTHORIZED', message: 'Invalid username or password' });
    const unknownUser = await agent
      .post('/api/auth/login')
      .send({ ...ADMIN, username: 'nobody' })
      .expect(401);
    expect(unknownUser.body.error.message).toBe('Invalid username or password');

    const login = await agent.post('/api/auth/login').send({ username: 'ADMIN', password: ADMIN.password }).expect(200);
    expect(login.body).toMatchObject({ status: 'success', data: { username: 'admin' }, message: 'Logged in' });
    await agent.get('/api/auth/me').expect(200);
  });

  it('refuses a second setup with 409', async () => {
    await setupAdmin(testApp);
    const second = await testApp.http().post('/api/auth/setup').send({ username: 'mallory', password: 'another password' });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('CONFLICT');
  });

  it('lets only one of many simultaneous setups win', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        testApp
          .http()
          .post('/api/auth/setup')
          .send({ username: `user${i}`, password: 'password number one' }),
      ),
    );
    expect(attempts.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409]);
  });

  it('gives a new session id at login, so a planted cookie is worthless', async () => {
    const agent = await setupAdmin(testApp);
    await agent.post('/api/auth/logout').expect(204);
    const first = sessionCookie((await agent.post('/api/auth/login').send(ADMIN).expect(200)).headers['set-cookie']);
    const second = sessionCookie((await agent.post('/api/auth/login').send(ADMIN).expect(200)).headers['set-cookie']);
    expect(first.split(';')[0]).not.toBe(second.split(';')[0]);
    await testApp.http().get('/api/auth/me').set('Cookie', first.split(';')[0]).expect(401);
  });

  it(`rate-limits logins after ${MAX_FAILED_LOGINS} failures`, async () => {
    await setupAdmin(testApp);
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      await testApp
        .http()
        .post('/api/auth/login')
        .send({ ...ADMIN, password: `guess ${i}` })
        .expect(401);
    }
    const limited = await testApp.http().post('/api/auth/login').send(ADMIN).expect(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses a cross-origin login or logout (CSRF) but lets same-origin and non-browser clients through', async () => {
    await setupAdmin(testApp);
    const crossSite = await testApp.http().post('/api/auth/login').set('Origin', 'https://evil.example').send(ADMIN).expect(403);
    expect(crossSite.body.error).toEqual({ code: 'FORBIDDEN', message: 'Cross-origin request refused' });
    await testApp.http().post('/api/auth/logout').set('Referer', 'https://evil.example/page').expect(403);

    await testApp
      .http()
      .post('/api/auth/login')
      .set('Host', 'nas.local:8000')
      .set('Origin', 'http://nas.local:8000')
      .send(ADMIN)
      .expect(200);
    await testApp.http().post('/api/auth/login').send(ADMIN).expect(200);
  });

  it('marks the cookies Secure behind a trusted TLS-terminating proxy, and only then', async () => {
    const untrusted = await testApp.http().post('/api/auth/setup').set('X-Forwarded-Proto', 'https').send(ADMIN).expect(201);
    expect(sessionCookie(untrusted.headers['set-cookie'])).not.toMatch(/Secure/);

    await testApp.close();
    testApp = await startTestApp({ env: { BORGITORY_TRUST_PROXY: 'loopback' } });
    const response = await testApp.http().post('/api/auth/setup').set('X-Forwarded-Proto', 'https').send(ADMIN).expect(201);
    expect(sessionCookie(response.headers['set-cookie'])).toMatch(/Secure/);
    const cookies = [response.headers['set-cookie'] ?? []].flat();
    expect(cookies.find((cookie) => cookie.startsWith('borgitory.device='))).toMatch(
      /Path=\/api\/auth\/login; Expires=.*; HttpOnly; Secure; SameSite=Strict/,
    );
  });

  it('stores only an argon2id hash of the password', async () => {
    await setupAdmin(testApp);
    const [row] = await testApp.app.get(DataSource).query('SELECT password_hash FROM users');
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(ADMIN.password);
  });
});
