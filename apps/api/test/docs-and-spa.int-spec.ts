import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from './support/test-app';

const EXTERNAL_URL = /(src|href)=["']?(https?:)?\/\/(?!localhost|127\.0\.0\.1)/i;

describe('API documentation', () => {
  let testApp: TestApp;
  beforeAll(async () => (testApp = await startTestApp()));
  afterAll(() => testApp.close());

  it('serves the OpenAPI document at /openapi.json', async () => {
    const response = await testApp.http().get('/openapi.json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(response.body.info.title).toBe('Borgitory API');
    expect(Object.keys(response.body.paths)).toContain('/api/v1/auth/login');
  });

  it('serves Swagger UI at /docs with its assets from this server', async () => {
    const page = await testApp.http().get('/docs').redirects(1).expect(200);
    expect(page.text).toContain('swagger-ui');
    expect(page.text).not.toMatch(EXTERNAL_URL);
    const init = await testApp.http().get('/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('url: "/openapi.json"');
    await testApp.http().get('/docs/swagger-ui-bundle.js').expect(200);
    await testApp.http().get('/docs/swagger-ui.css').expect(200);
  });

  it('serves ReDoc at /redoc with its bundle from this server', async () => {
    const page = await testApp.http().get('/redoc').expect(200);
    expect(page.text).toContain('<redoc spec-url="/openapi.json"');
    expect(page.text).not.toMatch(EXTERNAL_URL);
    const bundle = await testApp.http().get('/redoc/redoc.standalone.js').expect(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
    expect(bundle.text.length).toBeGreaterThan(100_000);
    expect(bundle.text).not.toContain('cdn.redoc.ly');
  });
});

describe('the SPA', () => {
  let testApp: TestApp;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'borgitory-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Borgitory</title><div id="root"></div>');
    writeFileSync(join(webDir, 'assets', 'app-1a2b.js'), 'console.log("app")');
    testApp = await startTestApp({ env: { BORGITORY_WEB_DIR: webDir } });
  });
  afterAll(async () => {
    await testApp.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it.each(['/', '/repositories', '/jobs/42', '/repositories/1/archives/host-2026.11.26'])(
    'answers the client-side route %s with index.html',
    async (path) => {
      const response = await testApp.http().get(path).set('Accept', 'text/html').expect(200);
      expect(response.text).toContain('<title>Borgitory</title>');
    },
  );

  it('serves built assets as files, cached for good', async () => {
    const response = await testApp.http().get('/assets/app-1a2b.js').expect(200);
    expect(response.text).toBe('console.log("app")');
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('never answers /api, /docs or /openapi.json paths with the SPA', async () => {
    const api = await testApp.http().get('/api/unknown').set('Accept', 'text/html').expect(404);
    expect(api.body.error.code).toBe('NOT_FOUND');
    const spec = await testApp.http().get('/openapi.json').set('Accept', 'text/html').expect(200);
    expect(spec.body.openapi).toBeDefined();
  });

  it('answers a missing asset with 404 rather than index.html', async () => {
    await testApp.http().get('/assets/missing.js').set('Accept', '*/*').expect(404);
  });
});
