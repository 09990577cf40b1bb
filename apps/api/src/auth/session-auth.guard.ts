import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '../platform/config/app-config';
import { DomainError } from '../platform/errors/domain-error';
import { IS_PUBLIC } from '../platform/http/public.decorator';
import { AuthenticatedRequest, Principal, requestOf } from './authenticated-request';
import { ACCEPTS_METRICS_TOKEN, presentsMetricsToken } from './metrics-token';
import { RequestAuthenticator } from './request-authenticator';
import { REQUIRED_ROLE } from './roles/requires.decorator';
import { grants, Role } from './roles/roles';

/**
 * Registered globally: every route needs a logged-in user or an API key unless it is marked @Public(), and the role
 * the route declares with @Requires() (admin when it declares none). One marked @AcceptsMetricsToken() also lets in
 * the bearer token BORGITORY_METRICS_TOKEN (which stands for no user). GraphQL resolvers are guarded the same way:
 * their request was authenticated once for the whole operation (graphql/graphql-context.ts), each root field's role
 * is checked here.
 */
@Injectable()
export class SessionAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = requestOf(context);
    const acceptsToken = this.reflector.getAllAndOverride<boolean>(ACCEPTS_METRICS_TOKEN, [context.getHandler(), context.getClass()]);
    if (acceptsToken && presentsMetricsToken(request.get('authorization'), this.config.metricsToken)) return true;
    const principal = (request as Partial<AuthenticatedRequest>).principal ?? (await this.authenticator.principalOf(request));
    const needed = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [context.getHandler(), context.getClass()]) ?? 'admin';
    // Set before the role check: the audit trail records who was refused.
    (request as AuthenticatedRequest).principal = principal;
    if (!grants(principal.role, needed)) throw DomainError.forbidden(refusal(needed, principal));
    return true;
  }
}

function refusal(needed: Role, principal: Principal): string {
  const held = principal.user.role;
  const signedIn = `This needs the ${needed} role; you are signed in as ${article(held)} ${held}`;
  return principal.apiKeyId === null ? signedIn : `${signedIn} with an API key that acts as ${article(principal.role)} ${principal.role}`;
}

function article(role: Role): string {
  return role === 'admin' ? 'an' : 'a';
}
