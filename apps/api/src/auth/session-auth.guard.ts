import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../platform/errors/domain-error';
import { IS_PUBLIC } from '../platform/http/public.decorator';
import { AuthenticatedRequest } from './authenticated-request';
import { UsersService } from './users.service';

/** Registered globally: every route needs a logged-in user unless it is marked @Public(). */
@Injectable()
export class SessionAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const userId = request.session?.userId;
    const user = userId === undefined ? null : await this.users.findById(userId);
    if (!user) throw DomainError.unauthorized();
    (request as AuthenticatedRequest).user = user;
    return true;
  }
}
