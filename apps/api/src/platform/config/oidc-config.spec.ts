import { readOidcConfig, readPasswordLogin } from './oidc-config';

const BASE = {
  BORGITORY_OIDC_ISSUER: 'https://id.example.org/application/o/borgitory/',
  BORGITORY_OIDC_CLIENT_ID: 'borgitory',
  BORGITORY_OIDC_CLIENT_SECRET: 'secret',
  BORGITORY_OIDC_ADMIN_VALUES: 'borg-admins, it ',
};

describe('readOidcConfig', () => {
  it('is off without an issuer', () => {
    const problems: string[] = [];
    expect(readOidcConfig({}, problems)).toBeNull();
    expect(problems).toEqual([]);
  });

  it('reads the provider, the claims and the values of each role, with defaults', () => {
    const problems: string[] = [];
    expect(readOidcConfig(BASE, problems)).toEqual({
      issuer: BASE.BORGITORY_OIDC_ISSUER,
      clientId: 'borgitory',
      clientSecret: 'secret',
      name: 'single sign-on',
      scopes: 'openid profile email',
      usernameClaim: 'preferred_username',
      roleClaim: 'groups',
      roleValues: { admin: ['borg-admins', 'it'], operator: [], viewer: [] },
      createUsers: true,
    });
    expect(problems).toEqual([]);
  });

  it('says everything that is missing or wrong at once', () => {
    const problems: string[] = [];
    readOidcConfig({ BORGITORY_OIDC_ISSUER: 'id.example.org', BORGITORY_OIDC_CREATE_USERS: 'maybe' }, problems);
    expect(problems).toEqual([
      `BORGITORY_OIDC_ISSUER must be the provider's https:// address (got "id.example.org")`,
      'BORGITORY_OIDC_CLIENT_ID is required with BORGITORY_OIDC_ISSUER',
      'BORGITORY_OIDC_CLIENT_SECRET is required with BORGITORY_OIDC_ISSUER',
      expect.stringContaining('at least one of BORGITORY_OIDC_ADMIN_VALUES'),
      'BORGITORY_OIDC_CREATE_USERS must be true or false (got "maybe")',
    ]);
  });
});

describe('readPasswordLogin', () => {
  it('is on by default, and can be switched off only with single sign-on', () => {
    const problems: string[] = [];
    expect(readPasswordLogin({}, null, problems)).toBe(true);
    expect(readPasswordLogin({ BORGITORY_PASSWORD_LOGIN: 'false' }, readOidcConfig(BASE, problems), problems)).toBe(false);
    expect(problems).toEqual([]);
    readPasswordLogin({ BORGITORY_PASSWORD_LOGIN: 'false' }, null, problems);
    expect(problems).toEqual(['BORGITORY_PASSWORD_LOGIN=false needs single sign-on (BORGITORY_OIDC_ISSUER): nobody could sign in']);
  });
});
