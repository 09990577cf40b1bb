import { ADMIN, startTestApp, TestApp } from './support/test-app';

// Trusting the loopback proxy (stated here, whatever the default) lets a test claim https with X-Forwarded-Proto.
const TRUST_LOOPBACK = { BORGITORY_TRUST_PROXY: 'loopback' };

describe('first-run setup and the Host it was reached through (issue 13, item 6)', () => {
  let testApp: TestApp;
  beforeAll(async () => (testApp = await startTestApp({ env: TRUST_LOOPBACK })));
  afterAll(() => testApp.close());

  const setup = (host: string, body: object = ADMIN) => testApp.http().post('/api/auth/setup').set('Host', host).send(body);

  it('refuses to let a page reached under a DNS name claim the unclaimed server, and says what to set', async () => {
    const refused = await setup('nas.example:8000').expect(403);
    expect(refused.body.error).toEqual({
      code: 'HOST_NOT_ALLOWED',
      message: expect.stringContaining('set BORGITORY_ALLOWED_HOSTS=nas.example and restart'),
      details: { host: 'nas.example' },
    });
    const status = await testApp.http().get('/api/auth/status').expect(200);
    expect(status.body.data.setup_required).toBe(true);
  });

  it.each([
    'attacker.example',
    '127.0.0.1.nip.io:8000',
    '7f000001.c0a80001.rbndr.us',
    'localhost.:8000',
    'admin.localhost',
    '[::1].example',
  ])('refuses the rebinding name %s before looking at the body', async (host) => {
    const refused = await setup(host, {}).expect(403);
    expect(refused.body.error.code).toBe('HOST_NOT_ALLOWED');
  });

  it('refuses a name a trusted proxy forwards in X-Forwarded-Host', async () => {
    const refused = await testApp
      .http()
      .post('/api/auth/setup')
      .set('Host', '127.0.0.1:8000')
      .set('X-Forwarded-Host', 'attacker.example')
      .send(ADMIN);
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toEqual({ host: 'attacker.example' });
  });

  it('cannot be loosened by a rebinding page that adds X-Forwarded-Host: 127.0.0.1 (the browser is on loopback, which is trusted)', async () => {
    const refused = await testApp
      .http()
      .post('/api/auth/setup')
      .set('Host', 'attacker.example')
      .set('X-Forwarded-Host', '127.0.0.1')
      .send(ADMIN);
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toEqual({ host: 'attacker.example' });
  });

  it.each(['127.0.0.1:8000', '192.168.1.20', '[::1]:8000', '[fd00::20]', 'localhost:8000', 'localhost'])(
    'lets setup through %s (the body is then validated)',
    async (host) => {
      const response = await setup(host, { username: 'admin' }).expect(422);
      expect(response.body.error.details).toHaveProperty('password');
    },
  );

  it('once a user exists, answers setup with 409 whatever the host', async () => {
    await setup('127.0.0.1:8000').expect(201);
    const again = await setup('nas.example').expect(409);
    expect(again.body.error.code).toBe('CONFLICT');
  });
});

describe('BORGITORY_ALLOWED_HOSTS', () => {
  it('lets setup through the names it lists, and only those', async () => {
    const testApp = await startTestApp({ env: { BORGITORY_ALLOWED_HOSTS: 'nas.example, backup.example.org' } });
    try {
      await testApp.http().post('/api/auth/setup').set('Host', 'www.nas.example').send(ADMIN).expect(403);
      await testApp.http().post('/api/auth/setup').set('Host', 'NAS.example:8443').send(ADMIN).expect(201);
    } finally {
      await testApp.close();
    }
  });
});

describe('the Origin check (issue 13, item 6)', () => {
  let testApp: TestApp;
  beforeAll(
    async () => (testApp = await startTestApp({ env: { ...TRUST_LOOPBACK, BORGITORY_ALLOWED_ORIGINS: 'https://backup.example.org' } })),
  );
  afterAll(() => testApp.close());

  /** A mutating request (logout needs no session) sent to nas.local:8000 over http, or https through the trusted proxy. */
  const logout = (headers: Record<string, string>, scheme: 'http' | 'https' = 'http') => {
    const request = testApp.http().post('/api/auth/logout').set('Host', 'nas.local:8000');
    if (scheme === 'https') request.set('X-Forwarded-Proto', 'https');
    for (const [name, value] of Object.entries(headers)) request.set(name, value);
    return request;
  };

  it('compares the scheme: an https page may not post to the http server of the same host and port', async () => {
    const refused = await logout({ Origin: 'https://nas.local:8000' }).expect(403);
    expect(refused.body.error).toEqual({ code: 'FORBIDDEN', message: 'Cross-origin request refused' });
    await logout({ Referer: 'https://nas.local:8000/settings' }).expect(403);
    await logout({ Origin: 'http://nas.local:8000' }).expect(204);
  });

  it('compares the scheme the other way: over https an http page is refused', async () => {
    await logout({ Origin: 'http://nas.local:8000' }, 'https').expect(403);
    await logout({ Origin: 'https://nas.local:8000' }, 'https').expect(204);
  });

  it('compares the port and the host', async () => {
    await logout({ Origin: 'http://nas.local:8001' }).expect(403);
    await logout({ Origin: 'http://nas.local' }).expect(403);
    await logout({ Origin: 'http://evil.nas.local:8000' }).expect(403);
    await logout({ Origin: 'null' }).expect(403);
  });

  it('treats the default port as no port, as browsers send it', async () => {
    await testApp.http().post('/api/auth/logout').set('Host', 'nas.local:80').set('Origin', 'http://nas.local').expect(204);
    await testApp
      .http()
      .post('/api/auth/logout')
      .set('Host', 'nas.local')
      .set('X-Forwarded-Proto', 'https')
      .set('Origin', 'https://nas.local')
      .expect(204);
  });

  it('still lets an allowed origin, and clients that send no Origin, through', async () => {
    await logout({ Origin: 'https://backup.example.org' }).expect(204);
    await logout({ Origin: 'http://backup.example.org' }).expect(403);
    await logout({}).expect(204);
  });
});
