import { ADMIN, startTestApp } from './support/test-app';

describe('sessions', () => {
  it('survive a server restart on the same data directory', async () => {
    const first = await startTestApp();
    const login = await first.http().post('/api/auth/setup').send(ADMIN).expect(201);
    const cookies = [login.headers['set-cookie'] ?? []].flat();
    const cookie = (cookies.find((value) => value.startsWith('borgitory.sid=')) ?? '').split(';')[0];
    await first.close({ keepData: true });

    const second = await startTestApp({ dataDir: first.dataDir });
    try {
      const me = await second.http().get('/api/auth/me').set('Cookie', cookie).expect(200);
      expect(me.body.data.username).toBe(ADMIN.username);
      await second.http().get('/api/auth/me').set('Cookie', 'borgitory.sid=s%3Aforged.signature').expect(401);
    } finally {
      await second.close();
    }
  });
});
