import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

/** The directives of a Content-Security-Policy header, by name. */
function directives(response: Response): Record<string, string[]> {
  const header = response.headers['content-security-policy'];
  if (typeof header !== 'string') throw new Error(`no Content-Security-Policy on ${response.status} ${response.text.slice(0, 80)}`);
  return Object.fromEntries(
    header
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

function expectSecurityHeaders(response: Response) {
  const policy = directives(response);
  expect(policy['default-src']).toEqual(["'self'"]);
  expect(policy['script-src']).toEqual(["'self'"]);
  expect(policy['object-src']).toEqual(["'none'"]);
  expect(policy['frame-ancestors']).toEqual(["'none'"]);
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBe('same-origin');
  expect(response.headers['strict-transport-security']).toBeUndefined();
}

describe('security headers (issue 13, item 7)', () => {
  let testApp: TestApp;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'borgitory-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(
      join(webDir, 'index.html'),
      '<!doctype html><title>Borgitory</title><div id="root"></div><script src="/assets/app.js"></script>',
    );
    writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log("app")');
    // Trusting the loopback proxy lets a test claim https with X-Forwarded-Proto.
    testApp = await startTestApp({ env: { BORGITORY_WEB_DIR: webDir, BORGITORY_TRUST_PROXY: 'loopback' } });
  });
  afterAll(async () => {
    await testApp.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it.each([
    ['the SPA', '/', 200],
    ['a client-side route', '/repositories/1', 200],
    ['an SPA asset', '/assets/app.js', 200],
    ['Swagger UI', '/docs', 200],
    ['the OpenAPI document', '/openapi.json', 200],
    ['an API route', '/api/auth/status', 200],
    ['an API route that needs a session', '/api/repositories', 401],
    ['an unknown API route', '/api/no-such-route', 404],
    ['a missing asset', '/assets/missing.js', 404],
  ])('are sent with %s (GET %s)', async (_what, path, status) => {
    const response = await testApp.http().get(path).set('Accept', 'text/html,*/*').expect(status);
    expectSecurityHeaders(response);
    expect(directives(response)['style-src']).toEqual(["'self'"]);
  });

  it('are sent with an error answer to a malformed body', async () => {
    const response = await testApp.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username":').expect(400);
    expectSecurityHeaders(response);
  });

  it("relax only ReDoc's styles and worker: its styles are made at run time, its search runs in a blob worker", async () => {
    const response = await testApp.http().get('/redoc').expect(200);
    expectSecurityHeaders(response);
    expect(directives(response)['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives(response)['worker-src']).toEqual(["'self'", 'blob:']);
  });

  it('leave no inline script on the documentation pages', async () => {
    for (const path of ['/docs', '/redoc']) {
      const page = await testApp.http().get(path).expect(200);
      const scripts = page.text.match(/<script[^>]*>[^<]*<\/script>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toMatch(/^<script src="\/[^"]+"><\/script>$/);
      expect(page.text).not.toMatch(/<style|style=/);
    }
  });

  it('add HSTS when the request came over https, never over plain http', async () => {
    const secure = await testApp.http().get('/api/auth/status').set('X-Forwarded-Proto', 'https').expect(200);
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000');
    const page = await testApp.http().get('/').set('Accept', 'text/html').set('X-Forwarded-Proto', 'https').expect(200);
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000');

    const plain = await testApp.http().get('/api/auth/status').expect(200);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });
});
