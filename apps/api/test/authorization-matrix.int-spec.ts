import type { AddressInfo } from 'node:net';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AUTHORIZATION_MATRIX, Requirement } from './support/authorization-matrix';
import { ADMIN, startTestApp, TestApp } from './support/test-app';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const ROLE_ORDER = ['viewer', 'operator', 'admin'] as const;
type Principal = 'anonymous' | (typeof ROLE_ORDER)[number];
const PRINCIPALS: Principal[] = ['anonymous', 'viewer', 'operator', 'admin'];
const PASSWORD = 'correct horse battery staple';

/** What the matrix file says the principal gets. */
function expected(requirement: Requirement, principal: Principal): 'allowed' | 401 | 403 {
  if (requirement === 'public') return 'allowed';
  if (principal === 'anonymous') return 401;
  return ROLE_ORDER.indexOf(principal) >= ROLE_ORDER.indexOf(requirement) ? 'allowed' : 403;
}

describe('authorization matrix', () => {
  let testApp: TestApp;
  let base: string;
  let spec: OpenAPIObject;
  const cookies = new Map<Principal, string>();

  /** One request; the answer is read only as far as its status and, for refusals, its body (streams are cut). */
  async function call(method: string, path: string, cookie?: string): Promise<{ status: number; body: unknown }> {
    const abort = new AbortController();
    const response = await fetch(`${base}${path}`, {
      method: method.toUpperCase(),
      headers: { ...(cookie ? { cookie } : {}), 'content-type': 'application/json' },
      body: method === 'get' || method === 'delete' ? undefined : '{}',
      signal: abort.signal,
    });
    const body = response.status === 401 || response.status === 403 ? await response.json() : null;
    abort.abort();
    return { status: response.status, body };
  }

  async function logIn(username: string): Promise<string> {
    const response = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: username === ADMIN.username ? ADMIN.password : PASSWORD }),
    });
    expect(response.status).toBe(200);
    return response.headers
      .getSetCookie()
      .map((header) => header.split(';')[0])
      .join('; ');
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    await testApp.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;
    const admin = testApp.http();
    await admin.post('/api/auth/setup').send(ADMIN).expect(201);
    for (const role of ['viewer', 'operator'] as const) {
      await admin.post('/api/users').send({ username: role, password: PASSWORD, role }).expect(201);
    }
    for (const role of ROLE_ORDER) cookies.set(role, await logIn(role === 'admin' ? ADMIN.username : role));
    spec = (await testApp.http().get('/openapi.json').expect(200)).body;
  });
  afterAll(() => testApp.close());

  const operationsOf = (document: OpenAPIObject) =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({ method, path, name: `${method.toUpperCase()} ${path}` })),
    );

  it('lists every operation of the OpenAPI document, and nothing else', () => {
    expect(
      operationsOf(spec)
        .map((operation) => operation.name)
        .sort(),
    ).toEqual(Object.keys(AUTHORIZATION_MATRIX).sort());
  });

  it('is what the OpenAPI document says of each operation', () => {
    for (const { method, path, name } of operationsOf(spec)) {
      const operation = spec.paths[path][method];
      const documented = operation?.security?.length === 0 ? 'public' : Reflect.get(operation ?? {}, 'x-required-role');
      expect(`${name}: ${documented}`).toBe(`${name}: ${AUTHORIZATION_MATRIX[name]}`);
    }
  });

  it.each(PRINCIPALS)('holds for %s on every operation', async (principal) => {
    const mismatches: string[] = [];
    for (const { method, path, name } of operationsOf(spec)) {
      // Logging out would end the session the rest of the walk uses; it is public, which the anonymous walk covers.
      if (name === 'POST /api/auth/logout' && principal !== 'anonymous') continue;
      const url = path.replace(/\{[^}]+\}/g, '999999');
      const { status, body } = await call(method, url, cookies.get(principal));
      const want = expected(AUTHORIZATION_MATRIX[name], principal);
      const got = status === 401 || status === 403 ? status : 'allowed';
      if (got !== want) mismatches.push(`${name}: expected ${want}, got ${status}`);
      if (status === 401) {
        expect(body).toEqual({ status: 'error', error: { code: 'UNAUTHORIZED', message: 'Authentication required' } });
      }
      if (status === 403 && want === 403) {
        expect(body).toEqual({
          status: 'error',
          error: { code: 'FORBIDDEN', message: expect.stringMatching(/^This needs the (operator|admin) role; you are signed in as an? /) },
        });
      }
    }
    expect(mismatches).toEqual([]);
  });
});
