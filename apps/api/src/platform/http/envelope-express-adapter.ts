import { StreamableFile } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Response } from 'express';
import { DEFAULT_SUCCESS_MESSAGE, Page, SuccessBody } from './envelope';
import { successMessageOf } from './success-message.guard';

/**
 * Wraps what a route returns in the success envelope as Nest hands it to Express; 204 answers and streams pass
 * through. Errors never come this way: AllExceptionsFilter writes the error envelope itself.
 *
 * A global interceptor did this before. Nest runs interceptors through RxJS and binds an AsyncResource at each
 * step, which cost about 0.2 ms of CPU per request, a quarter of what the health check cost under load.
 */
export class EnvelopeExpressAdapter extends ExpressAdapter {
  override reply(response: Response, body: unknown, statusCode?: number): unknown {
    return super.reply(response, envelopeOf(response, body, statusCode), statusCode);
  }
}

export function envelopeOf(response: Response, body: unknown, statusCode?: number): unknown {
  if ((statusCode ?? response.statusCode) === 204 || body instanceof StreamableFile) return body;
  const message = successMessageOf(response) ?? DEFAULT_SUCCESS_MESSAGE;
  if (body instanceof Page) return { status: 'success', data: body.items, message, meta: body.meta } satisfies SuccessBody<unknown>;
  return { status: 'success', data: body ?? null, message } satisfies SuccessBody<unknown>;
}
