import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { SUCCESS_MESSAGE } from './success-message.decorator';

const MESSAGE = Symbol('success message');

interface WithSuccessMessage {
  [MESSAGE]?: string;
}

/**
 * Never refuses: it notes the route's @SuccessMessage on the response for the envelope (EnvelopeExpressAdapter),
 * which only sees the response. Guards are the cheap place in Nest's pipeline that knows the route.
 */
@Injectable()
export class SuccessMessageGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const message = this.reflector.getAllAndOverride<string | undefined>(SUCCESS_MESSAGE, [context.getHandler(), context.getClass()]);
    if (message !== undefined) (context.switchToHttp().getResponse<Response>() as Response & WithSuccessMessage)[MESSAGE] = message;
    return true;
  }
}

export function successMessageOf(response: Response): string | undefined {
  return (response as Response & WithSuccessMessage)[MESSAGE];
}
