import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { APP_CONFIG, AppConfig } from '../platform/config/app-config';
import { DomainError } from '../platform/errors/domain-error';
import { IS_PUBLIC } from '../platform/http/public.decorator';
import { AuthenticatedRequest } from './authenticated-request';
import { ACCEPTS_METRICS_TOKEN, presentsMetricsToken } from './metrics-token';
import { REQUIRED_ROLE } from './roles/requires.decorator';
import { grants, Role } from './roles/roles';
import { UsersService } from './users.service';

/**
 * Registered globally: every route needs a logged-in user unless it is marked @Public(), and the user needs the role
 * the route declares with @Requires() (admin when it declares none). One marked @AcceptsMetricsToken() also lets in
 * the bearer token BORGITORY_METRICS_TOKEN (which stands for no user).
 */
@Injectable()
export class SessionAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const acceptsToken = this.reflector.getAllAndOverride<boolean>(ACCEPTS_METRICS_TOKEN, [context.getHandler(), context.getClass()]);
    if (acceptsToken && presentsMetricsToken(request.get('authorization'), this.config.metricsToken)) return true;
    const userId = request.session?.userId;
    const user = userId === undefined ? null : await this.users.findById(userId);
    if (!user) throw DomainError.unauthorized();
    const needed = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [context.getHandler(), context.getClass()]) ?? 'admin';
    // Set before the role check: the audit trail records who was refused.
    (request as AuthenticatedRequest).user = user;
    if (!grants(user.role, needed)) throw DomainError.forbidden(refusal(needed, user.role));
    return true;
  }
}

function refusal(needed: Role, held: Role): string {
  return `This needs the ${needed} role; you are signed in as ${held === 'admin' ? 'an' : 'a'} ${held}`;
}
