/** Single sign-on with an OpenID Connect provider (authorization code with PKCE), from BORGITORY_OIDC_*. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider's name on the login page's button ("Sign in with …"). */
  name: string;
  /** The scopes asked for (BORGITORY_OIDC_SCOPES). */
  scopes: string;
  /** The claim that names the user (created with that name on first sign-in). */
  usernameClaim: string;
  /** The claim (a string or a list of strings, e.g. groups) whose values map to roles. */
  roleClaim: string;
  /** Values of roleClaim for each role; the highest role matched wins, and a user matching none is refused. */
  roleValues: { admin: string[]; operator: string[]; viewer: string[] };
  /** Whether a user signing in for the first time is created; otherwise only users who signed in before may. */
  createUsers: boolean;
}

const list = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);

/** The OIDC settings, or null when BORGITORY_OIDC_ISSUER is not set; problems are added to the list given. */
export function readOidcConfig(env: NodeJS.ProcessEnv, problems: string[]): OidcConfig | null {
  const issuer = env.BORGITORY_OIDC_ISSUER?.trim();
  if (!issuer) return null;
  if (!URL.canParse(issuer) || !['https:', 'http:'].includes(new URL(issuer).protocol)) {
    problems.push(`BORGITORY_OIDC_ISSUER must be the provider's https:// address (got "${issuer}")`);
  }
  const clientId = env.BORGITORY_OIDC_CLIENT_ID?.trim() ?? '';
  const clientSecret = env.BORGITORY_OIDC_CLIENT_SECRET ?? '';
  if (!clientId) problems.push('BORGITORY_OIDC_CLIENT_ID is required with BORGITORY_OIDC_ISSUER');
  if (!clientSecret) problems.push('BORGITORY_OIDC_CLIENT_SECRET is required with BORGITORY_OIDC_ISSUER');
  const roleValues = {
    admin: list(env.BORGITORY_OIDC_ADMIN_VALUES),
    operator: list(env.BORGITORY_OIDC_OPERATOR_VALUES),
    viewer: list(env.BORGITORY_OIDC_VIEWER_VALUES),
  };
  if (roleValues.admin.length + roleValues.operator.length + roleValues.viewer.length === 0) {
    problems.push(
      'With BORGITORY_OIDC_ISSUER, at least one of BORGITORY_OIDC_ADMIN_VALUES, _OPERATOR_VALUES or _VIEWER_VALUES must list ' +
        'the values of BORGITORY_OIDC_ROLE_CLAIM (default "groups") that give the role',
    );
  }
  const createUsers = (env.BORGITORY_OIDC_CREATE_USERS ?? 'true').trim().toLowerCase();
  if (!['true', 'false'].includes(createUsers)) problems.push(`BORGITORY_OIDC_CREATE_USERS must be true or false (got "${createUsers}")`);
  return {
    issuer,
    clientId,
    clientSecret,
    name: env.BORGITORY_OIDC_NAME?.trim() || 'single sign-on',
    scopes: env.BORGITORY_OIDC_SCOPES?.trim() || 'openid profile email',
    usernameClaim: env.BORGITORY_OIDC_USERNAME_CLAIM?.trim() || 'preferred_username',
    roleClaim: env.BORGITORY_OIDC_ROLE_CLAIM?.trim() || 'groups',
    roleValues,
    createUsers: createUsers !== 'false',
  };
}

/** BORGITORY_PASSWORD_LOGIN=false switches password sign-in off; only with single sign-on configured. */
export function readPasswordLogin(env: NodeJS.ProcessEnv, oidc: OidcConfig | null, problems: string[]): boolean {
  const raw = (env.BORGITORY_PASSWORD_LOGIN ?? 'true').trim().toLowerCase();
  if (!['true', 'false'].includes(raw)) problems.push(`BORGITORY_PASSWORD_LOGIN must be true or false (got "${raw}")`);
  if (raw === 'false' && oidc === null) {
    problems.push('BORGITORY_PASSWORD_LOGIN=false needs single sign-on (BORGITORY_OIDC_ISSUER): nobody could sign in');
  }
  return raw !== 'false';
}
