import { Secret, TOTP } from 'otpauth';
import type { Agent } from 'supertest';
import { DataSource } from 'typeorm';
import { ADMIN, setupAdmin, startTestApp, TestApp } from './support/test-app';

const PASSWORD = 'correct horse battery staple';
const PERIOD_MS = 30_000;
const ALICE = { username: 'alice', password: PASSWORD };

interface Enrolment {
  otpauth_uri: string;
  secret: string;
  qr_code: string;
}

describe('two-factor sign-in (TOTP)', () => {
  let testApp: TestApp;
  let admin: Agent;

  /** The code of the authenticator app holding `secret`, `steps` time steps from now. */
  const codeOf = (secret: string, steps = 0) =>
    TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + steps * PERIOD_MS });
  /** Six digits that are no code of the steps around now. */
  function wrongCodeOf(secret: string): string {
    const near = [-2, -1, 0, 1, 2].map((steps) => codeOf(secret, steps));
    for (let candidate = 0; ; candidate++) {
      const code = String(candidate).padStart(6, '0');
      if (!near.includes(code)) return code;
    }
  }

  async function logIn(credentials: { username: string; password: string; code?: string }): Promise<Agent> {
    const agent = testApp.http();
    await agent.post('/api/auth/login').send(credentials).expect(200);
    return agent;
  }

  /** Alice's signed-in agent and her authenticator's secret, with two-factor sign-in on. */
  async function enrolAlice(): Promise<{ alice: Agent; secret: string; recoveryCodes: string[] }> {
    const alice = await logIn(ALICE);
    const { secret } = (await alice.post('/api/auth/two-factor').send({}).expect(200)).body.data as Enrolment;
    const confirmed = await alice
      .post('/api/auth/two-factor/confirm')
      .send({ code: codeOf(secret) })
      .expect(200);
    return { alice, secret, recoveryCodes: confirmed.body.data.recovery_codes };
  }

  beforeEach(async () => {
    testApp = await startTestApp();
    admin = await setupAdmin(testApp);
    await admin
      .post('/api/users')
      .send({ ...ALICE, role: 'viewer' })
      .expect(201);
  });
  afterEach(() => testApp.close());

  it('enrols an authenticator: pending until a right code confirms it, recovery codes shown once', async () => {
    const alice = await logIn(ALICE);
    const started = await alice.post('/api/auth/two-factor').send({}).expect(200);
    expect(started.headers['cache-control']).toBe('no-store');
    const enrolment: Enrolment = started.body.data;
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(enrolment.otpauth_uri);
    expect(uri.protocol).toBe('otpauth:');
    expect(`${uri.host}${decodeURIComponent(uri.pathname)}`).toBe('totp/Borgitory:alice');
    expect(uri.searchParams.get('issuer')).toBe('Borgitory');
    expect(uri.searchParams.get('secret')).toBe(enrolment.secret);
    expect(enrolment.qr_code).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrolment.qr_code.split(',')[1], 'base64').toString()).toMatch(/<svg[\s\S]*<\/svg>/);

    // Pending: not on yet, and logging in still takes only the password.
    expect((await alice.get('/api/auth/me').expect(200)).body.data.two_factor_enabled).toBe(false);
    await logIn(ALICE);

    const wrong = await alice
      .post('/api/auth/two-factor/confirm')
      .send({ code: wrongCodeOf(enrolment.secret) })
      .expect(422);
    expect(wrong.body.error.code).toBe('VALIDATION_ERROR');
    expect(wrong.body.error.details.code).toHaveLength(1);

    const confirmed = await alice
      .post('/api/auth/two-factor/confirm')
      .send({ code: codeOf(enrolment.secret) })
      .expect(200);
    const codes: string[] = confirmed.body.data.recovery_codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
    expect((await alice.get('/api/auth/me').expect(200)).body.data.two_factor_enabled).toBe(true);

    // Once on, neither a new enrolment nor a second confirmation.
    expect((await alice.post('/api/auth/two-factor').send({}).expect(409)).body.error.code).toBe('CONFLICT');
    await alice
      .post('/api/auth/two-factor/confirm')
      .send({ code: codeOf(enrolment.secret) })
      .expect(409);

    // Neither the secret nor the recovery codes are stored as they are.
    const database = testApp.app.get(DataSource);
    const [stored] = await database.query(`SELECT totp_secret, totp_pending_secret FROM users WHERE username = 'alice'`);
    expect(stored.totp_secret).toMatch(/^v1:/);
    expect(stored.totp_secret).not.toContain(enrolment.secret);
    expect(stored.totp_pending_secret).toBeNull();
    const hashes: { code_hash: string }[] = await database.query(`SELECT code_hash FROM recovery_codes`);
    expect(hashes).toHaveLength(10);
    for (const { code_hash } of hashes) {
      expect(code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(codes.some((code) => code_hash.includes(code.replace(/-/g, '')))).toBe(false);
    }
  });

  it('asks for the code at login, takes each code once, and a recovery code once', async () => {
    const { secret, recoveryCodes } = await enrolAlice();

    const anonymous = testApp.http();
    const required = await anonymous.post('/api/auth/login').send(ALICE).expect(401);
    expect(required.body).toEqual({
      status: 'error',
      error: { code: 'TWO_FACTOR_REQUIRED', message: 'Enter the code from your authenticator app, or a recovery code' },
    });
    expect(String(required.headers['set-cookie'] ?? '')).not.toContain('borgitory.sid=');
    await anonymous.get('/api/auth/me').expect(401);

    const wrongPassword = await anonymous
      .post('/api/auth/login')
      .send({ ...ALICE, password: 'wrong password', code: codeOf(secret, 1) })
      .expect(401);
    expect(wrongPassword.body.error).toEqual({ code: 'UNAUTHORIZED', message: 'Invalid username or password' });

    const wrongCode = await anonymous
      .post('/api/auth/login')
      .send({ ...ALICE, code: wrongCodeOf(secret) })
      .expect(401);
    expect(wrongCode.body.error).toEqual({ code: 'UNAUTHORIZED', message: 'Invalid or already used two-factor code' });
    await anonymous.get('/api/auth/me').expect(401);

    // The confirmation took the current step: the next one is the first a login may use.
    const code = codeOf(secret, 1);
    const phone = testApp.http();
    const accepted = await phone
      .post('/api/auth/login')
      .send({ ...ALICE, code })
      .expect(200);
    expect(accepted.body.data).toMatchObject({ username: 'alice', two_factor_enabled: true });
    await phone.get('/api/auth/me').expect(200);

    // The same code again is refused, even with the right password.
    const replayed = await testApp
      .http()
      .post('/api/auth/login')
      .send({ ...ALICE, code })
      .expect(401);
    expect(replayed.body.error.code).toBe('UNAUTHORIZED');

    // A recovery code works once, however it is typed.
    const recovery = recoveryCodes[0];
    const laptop = testApp.http();
    await laptop
      .post('/api/auth/login')
      .send({ ...ALICE, code: ` ${recovery.toUpperCase().replace(/-/g, ' ')} ` })
      .expect(200);
    await laptop.get('/api/auth/me').expect(200);
    await testApp
      .http()
      .post('/api/auth/login')
      .send({ ...ALICE, code: recovery })
      .expect(401);
    // The other codes still work.
    await logIn({ ...ALICE, code: recoveryCodes[1] });
  });

  it('counts a wrong code as a failed login', async () => {
    const { secret } = await enrolAlice();
    // Ten failures from this address (the default limit), then even the right code is throttled.
    for (let i = 0; i < 10; i++) {
      await testApp
        .http()
        .post('/api/auth/login')
        .send({ ...ALICE, code: wrongCodeOf(secret) })
        .expect(401);
    }
    const throttled = await testApp
      .http()
      .post('/api/auth/login')
      .send({ ...ALICE, code: codeOf(secret, 1) })
      .expect(429);
    expect(throttled.body.error.code).toBe('RATE_LIMITED');
  });

  it('is turned off by its user with the password, or by an admin', async () => {
    const { alice, secret } = await enrolAlice();

    const wrong = await alice.delete('/api/auth/two-factor').send({ password: 'not my password' }).expect(422);
    expect(wrong.body.error.details).toEqual({ password: ['This is not your current password'] });
    await alice.delete('/api/auth/two-factor').send({ password: PASSWORD }).expect(204);
    expect((await alice.get('/api/auth/me').expect(200)).body.data.two_factor_enabled).toBe(false);
    await logIn(ALICE);
    await alice.delete('/api/auth/two-factor').send({ password: PASSWORD }).expect(409);

    // On again with a new secret; the old one is worth nothing.
    const again = await enrolAlice();
    expect(again.secret).not.toBe(secret);
    await testApp.http().post('/api/auth/login').send(ALICE).expect(401);

    // Alice lost her phone: an admin turns it off; a viewer may not.
    const users = (await admin.get('/api/users').expect(200)).body.data as { id: number; username: string; two_factor_enabled: boolean }[];
    const aliceRow = users.find((user) => user.username === 'alice');
    expect(aliceRow?.two_factor_enabled).toBe(true);
    await again.alice.delete(`/api/users/${aliceRow?.id}/two-factor`).expect(403);
    await admin.delete(`/api/users/${aliceRow?.id}/two-factor`).expect(204);
    expect((await admin.get(`/api/users/${aliceRow?.id}`).expect(200)).body.data.two_factor_enabled).toBe(false);
    await logIn(ALICE);
    await admin.delete(`/api/users/${aliceRow?.id}/two-factor`).expect(409);
    await admin.delete('/api/users/999999/two-factor').expect(404);
    expect((await admin.get('/api/auth/me').expect(200)).body.data).toMatchObject({ username: ADMIN.username, two_factor_enabled: false });
  });
});
