import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, AppConfig } from '../platform/config/app-config';
import { hostnameOf, isSetupHostAllowed, setupHostRefused } from './setup-host';
import { UsersService } from './users.service';

/**
 * While no user exists, setup is refused unless the request reached the server
 * through an IP address, localhost or an allowed name; checked before the body,
 * so the person learns it on the first try. `request.host` is the Host header,
 * or X-Forwarded-Host from a trusted proxy.
 */
@Injectable()
export class SetupHostGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const hostname = hostnameOf(context.switchToHttp().getRequest<Request>().host);
    if (isSetupHostAllowed(hostname, this.config.allowedHosts) || (await this.users.any())) return true;
    throw setupHostRefused(hostname);
  }
}
