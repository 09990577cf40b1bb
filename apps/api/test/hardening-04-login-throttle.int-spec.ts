import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthSettings } from '../src/auth/auth-settings';
import { ADMIN, setupAdmin, startTestApp, TestApp } from './support/test-app';

// Issue 13, item 4. Linux routes all of 127.0.0.0/8 to lo, so a client bound to 127.0.0.N is a client at
// another address for the server listening on 127.0.0.1. The limits are the defaults.
const { maxFailuresPerClient: MAX_FAILURES_PER_CLIENT, maxFailuresPerAccount: MAX_FAILURES_PER_ACCOUNT } = new AuthSettings();

interface Answer {
  status: number;
  cookies: string[];
}

interface LoginOptions {
  from?: string;
  headers?: Record<string, string>;
  cookie?: string;
}

describe('hardening 04: login throttling', () => {
  let testApp: TestApp;
  let port: number;

  async function start(env: Record<string, string> = {}): Promise<void> {
    testApp = await startTestApp({ env });
    await testApp.app.listen(0, '127.0.0.1');
    port = (testApp.app.getHttpServer().address() as AddressInfo).port;
    await setupAdmin(testApp);
  }
  afterEach(() => testApp.close());

  function login(credentials: { username: string; password: string }, options: LoginOptions = {}): Promise<Answer> {
    const body = JSON.stringify(credentials);
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port,
          localAddress: options.from ?? '127.0.0.1',
          method: 'POST',
          path: '/api/auth/login',
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            ...(options.cookie ? { Cookie: options.cookie } : {}),
            ...options.headers,
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode ?? 0, cookies: response.headers['set-cookie'] ?? [] }));
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  const wrong = (i: number) => ({ ...ADMIN, password: `wrong guess ${i}` });

  it('ignores X-Forwarded-For by default: rotating it meets 429 after the limit', async () => {
    await start();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const answer = await login(wrong(i), { from: '127.0.0.3', headers: { 'X-Forwarded-For': `198.51.100.${i}` } });
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, MAX_FAILURES_PER_CLIENT)).toEqual(Array(MAX_FAILURES_PER_CLIENT).fill(401));
    expect(statuses.slice(MAX_FAILURES_PER_CLIENT)).toEqual(Array(30 - MAX_FAILURES_PER_CLIENT).fill(429));

    // Nor can a client pass itself off as the owner's address to lock the owner out.
    for (let i = 0; i < MAX_FAILURES_PER_CLIENT; i++) {
      await login(wrong(i), { from: '127.0.0.9', headers: { 'X-Forwarded-For': '127.0.0.1' } });
    }
    expect((await login(ADMIN, { from: '127.0.0.1' })).status).toBe(200);
  });

  it('honours X-Forwarded-For from loopback when BORGITORY_TRUST_PROXY=loopback, as documented', async () => {
    await start({ BORGITORY_TRUST_PROXY: 'loopback' });
    const behindProxy = (client: string) => ({ headers: { 'X-Forwarded-For': client } });
    for (let i = 0; i < MAX_FAILURES_PER_CLIENT; i++) {
      expect((await login(wrong(i), behindProxy('198.51.100.1'))).status).toBe(401);
    }
    expect((await login(ADMIN, behindProxy('198.51.100.1'))).status).toBe(429);
    expect((await login(ADMIN, behindProxy('198.51.100.2'))).status).toBe(200);
  });

  it('counts parallel guesses atomically: of 100 at once, at most the limit reach the password check', async () => {
    await start();
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => login(wrong(i), { from: '127.0.0.4' })));
    const count = (status: number) => answers.filter((answer) => answer.status === status).length;
    expect(count(401)).toBeLessThanOrEqual(MAX_FAILURES_PER_CLIENT);
    expect(count(429)).toBe(100 - count(401));
  });

  it('lets the owner in during an attack on the account, with the device token of an earlier login', async () => {
    await start();
    const earlier = await login(ADMIN, { from: '127.0.0.1' });
    expect(earlier.status).toBe(200);
    const deviceCookie = earlier.cookies.find((cookie) => cookie.startsWith('borgitory.device='));
    expect(deviceCookie).toMatch(/HttpOnly/);
    const device = (deviceCookie ?? '').split(';')[0];

    // Attackers at several addresses each run into their own limit; together they exhaust the account's.
    const attackers = Array.from({ length: MAX_FAILURES_PER_ACCOUNT / MAX_FAILURES_PER_CLIENT }, (_, i) => `127.0.0.${i + 2}`);
    const attacks = await Promise.all(
      attackers.map(async (from) => {
        const statuses: number[] = [];
        for (let i = 0; i <= MAX_FAILURES_PER_CLIENT; i++) statuses.push((await login(wrong(i), { from })).status);
        return statuses;
      }),
    );
    for (const statuses of attacks) {
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(MAX_FAILURES_PER_CLIENT);
      expect(statuses.at(-1)).toBe(429);
    }
    const failures = attacks.flat().filter((status) => status === 401).length;
    expect(failures).toBe(MAX_FAILURES_PER_ACCOUNT);

    // A new client, even with the right password, now waits: distributed guessing is capped per account...
    expect((await login(ADMIN, { from: '127.0.1.1' })).status).toBe(429);
    // ...while the owner's browser, on its own counter, still logs in, and a forged token buys nothing.
    expect((await login(ADMIN, { from: '127.0.0.1', cookie: `${device}x` })).status).toBe(429);
    expect((await login(ADMIN, { from: '127.0.0.1', cookie: device })).status).toBe(200);
  });
});
