import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SESSION_MAX_AGE_MS } from '../src/auth/session-store';
import { DATABASE_FILE } from '../src/platform/database/database-options';
import { ADMIN, setupAdmin, startTestApp, TestApp } from './support/test-app';

// Issue 13, item 12: every authenticated GET wrote the session row (express-session's rolling touch).
// The test counts real writes to the `sessions` table with triggers on the server's own database file.
describe('hardening 12: session writes', () => {
  let testApp: TestApp;
  let db: Database.Database;

  beforeAll(async () => {
    testApp = await startTestApp();
    db = new Database(join(testApp.dataDir, DATABASE_FILE));
    db.pragma('busy_timeout = 5000');
    db.exec(`
      CREATE TABLE test_session_writes (kind TEXT NOT NULL);
      CREATE TRIGGER test_session_insert AFTER INSERT ON sessions BEGIN INSERT INTO test_session_writes VALUES ('insert'); END;
      CREATE TRIGGER test_session_update AFTER UPDATE ON sessions BEGIN INSERT INTO test_session_writes VALUES ('update'); END;
      CREATE TRIGGER test_session_delete AFTER DELETE ON sessions BEGIN INSERT INTO test_session_writes VALUES ('delete'); END;
    `);
  });
  afterAll(async () => {
    db.close();
    await testApp.close();
  });

  /** The writes to `sessions` since the last call, in order. */
  function takeWrites(): string[] {
    const kinds = (db.prepare('SELECT kind FROM test_session_writes ORDER BY rowid').all() as { kind: string }[]).map((row) => row.kind);
    db.exec('DELETE FROM test_session_writes');
    return kinds;
  }

  const storedExpiry = () => (db.prepare('SELECT expires_at FROM sessions').get() as { expires_at: number }).expires_at;

  function cookieExpiry(setCookie: string[] | string | undefined): number {
    const cookie = [setCookie ?? []].flat().find((value) => value.startsWith('borgitory.sid='));
    const expires = /Expires=([^;]+)/.exec(cookie ?? '')?.[1];
    if (!expires) throw new Error('no rolling session cookie was sent');
    return Date.parse(expires);
  }

  it('writes the session at login and logout, and at most twice for 1,000 authenticated GETs', async () => {
    const agent = await setupAdmin(testApp);
    expect(takeWrites()).toEqual(['insert']);

    const started = Date.now();
    let lastCookieExpiry = 0;
    for (let i = 0; i < 1000; i++) {
      const response = await agent.get('/api/auth/me').expect(200);
      lastCookieExpiry = cookieExpiry(response.headers['set-cookie']);
    }
    expect(takeWrites().length).toBeLessThanOrEqual(2);
    // The cookie still rolls with every answer.
    expect(lastCookieExpiry).toBeGreaterThanOrEqual(started + SESSION_MAX_AGE_MS - 1000);

    await agent.post('/api/auth/logout').expect(204);
    expect(takeWrites()).toEqual(['delete']);
    await agent.get('/api/auth/me').expect(401);

    await agent.post('/api/auth/login').send(ADMIN).expect(200);
    expect(takeWrites()).toEqual(['insert']);
    await agent.get('/api/auth/me').expect(200);
  });

  it('still rolls the stored expiry once it is more than a minute old', async () => {
    db.exec('DELETE FROM sessions');
    const agent = testApp.http();
    await agent.post('/api/auth/login').send(ADMIN).expect(200);
    takeWrites();

    // Time as the server sees it, moved on: 30 s later, within the minute, nothing is written.
    const start = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(start + 30_000);
    try {
      await agent.get('/api/auth/me').expect(200);
      expect(takeWrites()).toEqual([]);

      // Two minutes later: the next request renews it.
      clock.mockReturnValue(start + 120_000);
      await agent.get('/api/auth/me').expect(200);
      expect(takeWrites()).toEqual(['update']);
    } finally {
      clock.mockRestore();
    }
    expect(storedExpiry()).toBeGreaterThanOrEqual(start + 120_000 + SESSION_MAX_AGE_MS - 1000);
  });
});
