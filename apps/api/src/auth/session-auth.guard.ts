import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { APP_CONFIG, AppConfig } from '../platform/config/app-config';
import { DomainError } from '../platform/errors/domain-error';
import { IS_PUBLIC } from '../platform/http/public.decorator';
import { AuthenticatedRequest } from './authenticated-request';
import { ACCEPTS_METRICS_TOKEN, presentsMetricsToken } from './metrics-token';
import { UsersService } from './users.service';

/**
 * Registered globally: every route needs a logged-in user unless it is marked @Public(); one marked
 * @AcceptsMetricsToken() also lets in the bearer token BORGITORY_METRICS_TOKEN (which stands for no user).
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
    (request as AuthenticatedRequest).user = user;
    return true;
  }
}
