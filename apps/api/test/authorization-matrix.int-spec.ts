import type { AddressInfo } from 'node:net';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AUTHORIZATION_MATRIX, Requirement } from './support/authorization-matrix';
import { ADMIN, startTestApp, TestApp } from './support/test-app';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const ROLE_ORDER = ['viewer', 'operator', 'admin'] as const;
type Role = (typeof ROLE_ORDER)[number];
/** API keys, and the role each acts as: its scope, within its owner's role. */
const KEYS = {
  'read key of an admin': { owner: 'admin', scope: 'read', actsAs: 'viewer' },
  'operate key of an admin': { owner: 'admin', scope: 'operate', actsAs: 'operator' },
  'admin key of an admin': { owner: 'admin', scope: 'admin', actsAs: 'admin' },
  'admin key of a viewer': { owner: 'demoted', scope: 'admin', actsAs: 'viewer' },
} as const;
type KeyPrincipal = keyof typeof KEYS;
type Principal = 'anonymous' | Role | KeyPrincipal;
const PRINCIPALS: Principal[] = ['anonymous', 'viewer', 'operator', 'admin', ...(Object.keys(KEYS) as KeyPrincipal[])];
const PASSWORD = 'correct horse battery staple';

function roleOf(principal: Exclude<Principal, 'anonymous'>): Role {
  return principal in KEYS ? KEYS[principal as KeyPrincipal].actsAs : (principal as Role);
}

/** What the matrix file says the principal gets. */
function expected(requirement: Requirement, principal: Principal): 'allowed' | 401 | 403 {
  if (requirement === 'public') return 'allowed';
  if (principal === 'anonymous') return 401;
  return ROLE_ORDER.indexOf(roleOf(principal)) >= ROLE_ORDER.indexOf(requirement) ? 'allowed' : 403;
}

describe('authorization matrix', () => {
  let testApp: TestApp;
  let base: string;
  let spec: OpenAPIObject;
  /** The headers that authenticate each principal: a session cookie, or an API key. */
  const credentials = new Map<Principal, Record<string, string>>();

  /** One request; the answer is read only as far as its status and, for refusals, its body (streams are cut). */
  async function call(method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
    const abort = new AbortController();
    const response = await fetch(`${base}${path}`, {
      method: method.toUpperCase(),
      headers: { ...headers, 'content-type': 'application/json' },
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
    // An admin's key keeps its scope when its owner is made a viewer, but acts as a viewer from then on.
    const demoted = await admin.post('/api/users').send({ username: 'demoted', password: PASSWORD, role: 'admin' }).expect(201);
    for (const role of ROLE_ORDER) credentials.set(role, { cookie: await logIn(role === 'admin' ? ADMIN.username : role) });
    const owners = { admin: credentials.get('admin') ?? {}, demoted: { cookie: await logIn('demoted') } };
    for (const [principal, { owner, scope }] of Object.entries(KEYS) as [KeyPrincipal, (typeof KEYS)[KeyPrincipal]][]) {
      const created = await fetch(`${base}/api/api-keys`, {
        method: 'POST',
        headers: { ...owners[owner], 'content-type': 'application/json' },
        body: JSON.stringify({ name: principal, scope }),
      });
      expect(created.status).toBe(201);
      credentials.set(principal, { authorization: `Bearer ${((await created.json()) as { data: { key: string } }).data.key}` });
    }
    await admin.put(`/api/users/${demoted.body.data.id}`).send({ role: 'viewer' }).expect(200);
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

  it('lets every protected operation take a session or an API key', () => {
    for (const { method, path, name } of operationsOf(spec)) {
      const security = spec.paths[path][method]?.security ?? spec.security ?? [];
      if (security.length === 0) continue;
      expect({ name, security }).toEqual({ name, security: expect.arrayContaining([{ session: [] }, { api_key: [] }]) });
    }
  });

  it.each(PRINCIPALS)('holds for %s on every operation', async (principal) => {
    const mismatches: string[] = [];
    for (const { method, path, name } of operationsOf(spec)) {
      // Logging out would end the session the rest of the walk uses; it is public, which the anonymous walk covers.
      if (name === 'POST /api/v1/auth/logout' && principal !== 'anonymous') continue;
      const url = path.replace(/\{[^}]+\}/g, '999999');
      const { status, body } = await call(method, url, credentials.get(principal));
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
