import { Inject, Injectable } from '@nestjs/common';
import { BaseClient, generators, Issuer } from 'openid-client';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import type { OidcConfig } from '../../platform/config/oidc-config';

/** What a sign-in keeps in the browser's session between the redirect to the provider and its answer. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * The OpenID Connect provider, through openid-client: authorization code flow with PKCE (S256), state and nonce.
 * The provider's metadata is read once, at the first sign-in; a failed reading is tried again at the next one.
 */
@Injectable()
export class OidcClient {
  private client: Promise<BaseClient> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Unversioned (an alias of the current version): it is registered with the provider and must not change with versions. */
  get redirectUri(): string {
    return `${this.config.publicUrl}/api/auth/oidc/callback`;
  }

  newChecks(): OidcChecks {
    return { state: generators.state(), nonce: generators.nonce(), codeVerifier: generators.codeVerifier() };
  }

  async authorizationUrl(checks: OidcChecks): Promise<string> {
    return (await this.connect()).authorizationUrl({
      scope: this.settings().scopes,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: generators.codeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** Trades the code for tokens (checking state, nonce and PKCE) and answers the ID token's claims with the user info. */
  async claims(callbackUrl: string, checks: OidcChecks): Promise<Record<string, unknown>> {
    const client = await this.connect();
    const params = client.callbackParams(callbackUrl);
    const tokens = await client.callback(this.redirectUri, params, {
      state: checks.state,
      nonce: checks.nonce,
      code_verifier: checks.codeVerifier,
    });
    const idClaims: Record<string, unknown> = tokens.claims();
    const info: Record<string, unknown> =
      client.issuer.metadata.userinfo_endpoint && tokens.access_token ? await client.userinfo(tokens.access_token) : {};
    // The ID token's subject is the one that counts; the user info adds claims (groups) some providers keep out of it.
    return { ...info, ...idClaims };
  }

  private settings(): OidcConfig {
    if (!this.config.oidc) throw new Error('Single sign-on is not configured');
    return this.config.oidc;
  }

  private connect(): Promise<BaseClient> {
    const settings = this.settings();
    this.client ??= Issuer.discover(settings.issuer).then(
      (issuer) =>
        new issuer.Client({
          client_id: settings.clientId,
          client_secret: settings.clientSecret,
          redirect_uris: [this.redirectUri],
          response_types: ['code'],
        }),
    );
    this.client.catch(() => (this.client = null));
    return this.client;
  }
}
