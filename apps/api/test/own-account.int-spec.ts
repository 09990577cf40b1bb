import type { Agent } from 'supertest';
import { ADMIN, setupAdmin, startTestApp, TestApp } from './support/test-app';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'grape kettle orbit sunlamp';

interface OwnSession {
  id: string;
  current: boolean;
  user_agent: string;
  address: string;
  signed_in_at: string | null;
  last_seen_at: string;
}

describe('own password and sessions', () => {
  let testApp: TestApp;
  let admin: Agent;

  async function logIn(username: string, password: string, userAgent: string): Promise<Agent> {
    const agent = testApp.http();
    await agent.post('/api/auth/login').set('user-agent', userAgent).send({ username, password }).expect(200);
    return agent;
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await setupAdmin(testApp);
    await admin.post('/api/users').send({ username: 'alice', password: PASSWORD, role: 'viewer' }).expect(201);
  });
  afterAll(() => testApp.close());

  it('lists where each session signed in, marks the current one, and ends one or all others', async () => {
    const laptop = await logIn('alice', PASSWORD, 'Laptop/1.0');
    const phone = await logIn('alice', PASSWORD, 'Phone/2.0');
    const tablet = await logIn('alice', PASSWORD, 'Tablet/3.0');

    const sessions: OwnSession[] = (await laptop.get('/api/auth/sessions').expect(200)).body.data;
    expect(sessions.map((session) => [session.user_agent, session.current]).sort()).toEqual([
      ['Laptop/1.0', true],
      ['Phone/2.0', false],
      ['Tablet/3.0', false],
    ]);
    for (const session of sessions) {
      // A digest of the session id: nothing in the list can be used as a cookie.
      expect(session.id).toMatch(/^[0-9a-f]{16}$/);
      expect(session.address).toMatch(/127\.0\.0\.1/);
      expect(Math.abs(Date.now() - new Date(session.last_seen_at).getTime())).toBeLessThan(120_000);
      expect(Date.parse(session.signed_in_at ?? '')).not.toBeNaN();
    }

    // Another user's session cannot be ended, and is not listed.
    const phoneId = sessions.find((session) => session.user_agent === 'Phone/2.0')?.id;
    await admin.delete(`/api/auth/sessions/${phoneId}`).expect(404);
    expect((await admin.get('/api/auth/sessions').expect(200)).body.data).toHaveLength(1);

    await laptop.delete(`/api/auth/sessions/${phoneId}`).expect(204);
    await phone.get('/api/auth/me').expect(401);
    await tablet.get('/api/auth/me').expect(200);

    expect((await laptop.delete('/api/auth/sessions').expect(200)).body.data).toEqual({ revoked: 1 });
    await tablet.get('/api/auth/me').expect(401);
    await laptop.get('/api/auth/me').expect(200);
  });

  it('changes the own password after asking the current one, and ends the other sessions', async () => {
    const laptop = await logIn('alice', PASSWORD, 'Laptop/1.0');
    const phone = await logIn('alice', PASSWORD, 'Phone/2.0');

    const wrong = await laptop.put('/api/auth/password').send({ old_password: 'not my password', new_password: NEW_PASSWORD }).expect(422);
    expect(wrong.body.error).toEqual({
      code: 'VALIDATION_ERROR',
      message: 'This is not your current password',
      details: { old_password: ['This is not your current password'] },
    });
    const weak = await laptop.put('/api/auth/password').send({ old_password: PASSWORD, new_password: 'alice12345678' }).expect(422);
    expect(weak.body.error.details.new_password[0]).toMatch(/^This password is too easy to guess\./);
    await phone.get('/api/auth/me').expect(200);

    await laptop.put('/api/auth/password').send({ old_password: PASSWORD, new_password: NEW_PASSWORD }).expect(204);
    await laptop.get('/api/auth/me').expect(200);
    await phone.get('/api/auth/me').expect(401);
    await testApp.http().post('/api/auth/login').send({ username: 'alice', password: PASSWORD }).expect(401);
    await logIn('alice', NEW_PASSWORD, 'Phone/2.0');
    // The admin's sessions are not touched.
    expect((await admin.get('/api/auth/me').expect(200)).body.data.username).toBe(ADMIN.username);
  });
});
