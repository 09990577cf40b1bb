import { CallHandler, ExecutionContext, Injectable, NestInterceptor, StreamableFile } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { Observable, map } from 'rxjs';
import { DEFAULT_SUCCESS_MESSAGE, Page, SuccessBody } from './envelope';
import { SUCCESS_MESSAGE } from './success-message.decorator';

/** Wraps every JSON result in the success envelope; 204 responses and streams pass through. */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const message =
      this.reflector.getAllAndOverride<string>(SUCCESS_MESSAGE, [context.getHandler(), context.getClass()]) ??
      DEFAULT_SUCCESS_MESSAGE;
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((result: unknown) => {
        if (response.statusCode === 204 || result instanceof StreamableFile) return result;
        if (result instanceof Page) {
          return { status: 'success', data: result.items, message, meta: result.meta } satisfies SuccessBody<unknown>;
        }
        return { status: 'success', data: result ?? null, message } satisfies SuccessBody<unknown>;
      }),
    );
  }
}
