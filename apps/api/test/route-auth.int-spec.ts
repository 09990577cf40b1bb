import type { OpenAPIObject } from '@nestjs/swagger';
import { startTestApp, TestApp } from './support/test-app';

/** The only operations anyone may call without a session. Adding to this list is a deliberate act. */
const PUBLIC_OPERATIONS = [
  'GET /api/health',
  'GET /api/auth/status',
  'POST /api/auth/setup',
  'POST /api/auth/login',
  'POST /api/auth/logout',
];

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

describe('every API operation without a cookie', () => {
  let testApp: TestApp;
  let spec: OpenAPIObject;

  beforeAll(async () => {
    testApp = await startTestApp();
    spec = (await testApp.http().get('/openapi.json').expect(200)).body;
  });
  afterAll(() => testApp.close());

  it('answers 401 in the envelope, except the public allowlist', async () => {
    const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({ method, path })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(PUBLIC_OPERATIONS.length + 1);

    const open: string[] = [];
    for (const { method, path } of operations) {
      const url = path.replace(/\{[^}]+\}/g, '1');
      const call = testApp.http()[method](url);
      const response = method === 'get' || method === 'delete' ? await call : await call.send({});
      const name = `${method.toUpperCase()} ${path}`;
      if (response.status === 401) {
        expect(response.body).toEqual({
          status: 'error',
          error: { code: 'UNAUTHORIZED', message: 'Authentication required' },
        });
      } else {
        open.push(name);
      }
    }
    expect(open.sort()).toEqual([...PUBLIC_OPERATIONS].sort());
  });

  it('documents the same: only the allowlist has no security requirement', () => {
    const documentedPublic = Object.entries(spec.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]?.security?.length === 0).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documentedPublic.sort()).toEqual([...PUBLIC_OPERATIONS].sort());
  });
});
