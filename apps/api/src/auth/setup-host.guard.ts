import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, AppConfig } from '../platform/config/app-config';
import { hostnameOf, isSetupHostAllowed, setupHostRefused } from './setup-host';
import { UsersService } from './users.service';

/**
 * While no user exists, setup is refused unless the request reached the server
 * through an IP address, localhost or an allowed name; checked before the body,
 * so the person learns it on the first try. The Host header and every name in
 * X-Forwarded-Host must each be allowed, trusted proxy or not: a rebinding
 * page can add X-Forwarded-Host: 127.0.0.1, so that header may only make the
 * check stricter, never looser.
 */
@Injectable()
export class SetupHostGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const claimed = [request.get('host'), ...(request.get('x-forwarded-host')?.split(',') ?? [])];
    const refused = claimed
      .map((host) => hostnameOf(host?.trim()))
      .find((hostname) => !isSetupHostAllowed(hostname, this.config.allowedHosts));
    if (refused === undefined || (await this.users.any())) return true;
    throw setupHostRefused(refused);
  }
}
