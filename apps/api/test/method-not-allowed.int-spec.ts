import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Each path of the committed document with its methods, a parameter filled in as 1. */
function documentedPaths(): Array<{ path: string; methods: string[] }> {
  const spec = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'libs/api-client/openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(spec.paths).map(([path, item]) => ({
    path: path.replace(/\{\w+\}/g, '1'),
    methods: METHODS.filter((method) => method in item).map((method) => method.toUpperCase()),
  }));
}

describe('a method a path does not take', () => {
  let testApp: TestApp;
  let admin: Agent;

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await setupAdmin(testApp);
  });
  afterAll(() => testApp.close());

  it('answers 405 with Allow and the error envelope', async () => {
    const response = await admin.patch('/api/repositories/1').send({ name: 'x' }).expect(405);
    expect(response.headers['allow']).toBe('DELETE, GET, HEAD, PUT');
    expect(response.body).toEqual({
      status: 'error',
      error: {
        code: 'METHOD_NOT_ALLOWED',
        message: 'PATCH is not allowed on /api/repositories/1; it takes DELETE, GET, HEAD, PUT',
        details: { allow: ['DELETE', 'GET', 'HEAD', 'PUT'] },
      },
    });
  });

  it('does not let a fixed path fall through to the path with a parameter in its place', async () => {
    for (const method of ['put', 'delete'] as const) {
      const response = await admin[method]('/api/schedules/preview').expect(405);
      expect(response.headers['allow']).toBe('GET, HEAD');
    }
    expect((await admin.get('/api/jobs/acknowledge').expect(405)).headers['allow']).toBe('POST');
  });

  it('agrees with the document on every path', async () => {
    for (const { path, methods } of documentedPaths()) {
      const allowed = [...methods, ...(methods.includes('GET') ? ['HEAD'] : [])].sort();
      const missing = METHODS.map((method) => method.toUpperCase()).find((method) => !methods.includes(method));
      if (!missing) continue;
      const response = await admin[missing.toLowerCase() as (typeof METHODS)[number]](path);
      expect({ path, missing, status: response.status, allow: response.headers['allow'] }).toEqual({
        path,
        missing,
        status: 405,
        allow: allowed.join(', '),
      });
    }
  });

  it('still answers a path the API does not have with 404', async () => {
    const response = await admin.get('/api/no-such-thing').expect(404);
    expect(response.body.error).toEqual({ code: 'NOT_FOUND', message: 'No route for GET /api/no-such-thing' });
  });
});
