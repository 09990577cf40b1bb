import { freePort } from '@borgitory/borg-runner/testing';
import { startTestProvider, TestProvider } from './support/oidc-provider-process';
import { ADMIN, setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

const ACCOUNTS = {
  alice: { groups: ['staff', 'borg-admins'] },
  oscar: { groups: ['borg-ops'] },
  sam: { groups: ['sales'] },
  admin: { groups: ['staff'] },
};

/** Cookies per host, as a browser keeps them (enough for these two servers). */
class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();

  header(url: string): string {
    return [...(this.cookies.get(new URL(url).host) ?? new Map<string, string>()).entries()]
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }

  take(url: string, response: Response): void {
    const host = new URL(url).host;
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const expired = /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line);
      if (expired) jar.delete(pair.slice(0, at));
      else jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    this.cookies.set(host, jar);
  }
}

describe('single sign-on with OpenID Connect', () => {
  let provider: TestProvider;
  let testApp: TestApp;
  let base: string;

  /**
   * A browser's way through: from the app's sign-in link to the provider, its login form (any password) and consent
   * form, and back to the app's callback. Answers where it ended and the jar with the app's session.
   */
  async function signIn(login: string): Promise<{ landed: string; jar: CookieJar }> {
    const jar = new CookieJar();
    let url = `${base}/api/auth/oidc/login`;
    let form: URLSearchParams | null = null;
    for (let hop = 0; hop < 20; hop++) {
      const response: Response = await fetch(url, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: { cookie: jar.header(url), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body: form ?? undefined,
      });
      jar.take(url, response);
      form = null;
      const location = response.headers.get('location');
      if (location) {
        url = new URL(location, url).toString();
        if (url.startsWith(base) && !url.includes('/api/auth/oidc/')) return { landed: url.slice(base.length), jar };
        continue;
      }
      const page: string = await response.text();
      const prompt: string | undefined = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      if (response.status !== 200 || !prompt) throw new Error(`stuck at ${url} (${response.status}): ${page.slice(0, 500)}`);
      form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'anything' } : { prompt });
    }
    throw new Error('too many redirects');
  }

  async function me(jar: CookieJar): Promise<{ status: number; body: { data?: { username: string; role: string } } }> {
    const response = await fetch(`${base}/api/auth/me`, { headers: { cookie: jar.header(base) } });
    return { status: response.status, body: await response.json() };
  }

  beforeAll(async () => {
    // The app's address must be known to the provider first: a port is taken, then both start.
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    provider = await startTestProvider(`${base}/api/auth/oidc/callback`, ACCOUNTS);
    testApp = await startTestApp({
      env: {
        BORGITORY_PUBLIC_URL: base,
        BORGITORY_OIDC_ISSUER: provider.issuer,
        BORGITORY_OIDC_CLIENT_ID: provider.clientId,
        BORGITORY_OIDC_CLIENT_SECRET: provider.clientSecret,
        BORGITORY_OIDC_NAME: 'Test IdP',
        BORGITORY_OIDC_SCOPES: 'openid profile',
        BORGITORY_OIDC_ADMIN_VALUES: 'borg-admins',
        BORGITORY_OIDC_OPERATOR_VALUES: 'borg-ops',
        BORGITORY_OIDC_VIEWER_VALUES: 'staff',
      },
    });
    await testApp.app.listen(port, '127.0.0.1');
    await setupAdmin(testApp);
  });
  afterAll(async () => {
    await testApp?.close();
    await provider?.stop();
  });

  it('offers the provider on the login page', async () => {
    const status = (await testApp.http().get('/api/auth/status').expect(200)).body.data;
    expect(status).toMatchObject({ single_sign_on: { name: 'Test IdP', login_url: '/api/v1/auth/oidc/login' }, password_login: true });
  });

  it('signs a new user in through the provider with the role its groups give, and finds them again', async () => {
    const first = await signIn('alice');
    expect(first.landed).toBe('/');
    expect(await me(first.jar)).toMatchObject({ status: 200, body: { data: { username: 'alice', role: 'admin' } } });

    const operator = await signIn('oscar');
    expect((await me(operator.jar)).body.data).toMatchObject({ username: 'oscar', role: 'operator' });

    const again = await signIn('alice');
    const users = (await testApp.http().get('/api/users').set('cookie', again.jar.header(base)).expect(200)).body.data;
    expect(users.filter((user: { username: string }) => user.username === 'alice')).toHaveLength(1);
  });

  it('refuses an account whose groups give no role, and never takes over a local user of the same name', async () => {
    const sales = await signIn('sam');
    expect(decodeURIComponent(sales.landed)).toBe(
      '/login?sso_error=Your account at Test IdP gives no role here: ask an admin to add you to a group Borgitory knows',
    );
    expect((await me(sales.jar)).status).toBe(401);

    const impostor = await signIn(ADMIN.username);
    expect(decodeURIComponent(impostor.landed)).toBe(
      `/login?sso_error=A user named "${ADMIN.username}" already exists here; ask an admin to rename one of you`,
    );
    expect((await me(impostor.jar)).status).toBe(401);
  });

  it('refuses a callback it did not start', async () => {
    const response = await fetch(`${base}/api/auth/oidc/callback?code=forged&state=forged`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(decodeURIComponent(response.headers.get('location') ?? '')).toBe(
      '/login?sso_error=The sign-in expired or was not started here; try again',
    );
  });
});

describe('password sign-in switched off', () => {
  it('refuses passwords and says where to sign in', async () => {
    const testApp = await startTestApp({
      env: {
        BORGITORY_OIDC_ISSUER: 'http://127.0.0.1:9',
        BORGITORY_OIDC_CLIENT_ID: 'borgitory',
        BORGITORY_OIDC_CLIENT_SECRET: 'secret',
        BORGITORY_OIDC_NAME: 'Authentik',
        BORGITORY_OIDC_VIEWER_VALUES: 'staff',
        BORGITORY_PASSWORD_LOGIN: 'false',
      },
    });
    try {
      await setupAdmin(testApp);
      const refused = await testApp.http().post('/api/auth/login').send(ADMIN).expect(403);
      expect(refused.body.error.message).toBe('Sign-in with a password is switched off; sign in with Authentik');
      expect((await testApp.http().get('/api/auth/status').expect(200)).body.data.password_login).toBe(false);
    } finally {
      await testApp.close();
    }
  });
});
