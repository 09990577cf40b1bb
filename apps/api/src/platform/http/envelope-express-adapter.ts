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
  /** A page object is turned into JSON once: services hand out the same page while the database is unchanged. */
  private readonly pagesAsJson = new WeakMap<Page<unknown>, { message: string; json: string }>();

  override reply(response: Response, body: unknown, statusCode?: number): unknown {
    const envelope = envelopeOf(response, body, statusCode);
    if (!(body instanceof Page) || envelope === body) return super.reply(response, envelope, statusCode);
    const message = successMessageOf(response) ?? DEFAULT_SUCCESS_MESSAGE;
    let serialized = this.pagesAsJson.get(body);
    if (serialized?.message !== message) {
      serialized = { message, json: JSON.stringify(envelope) };
      this.pagesAsJson.set(body, serialized);
    }
    if (statusCode) response.status(statusCode);
    return response.type('json').send(serialized.json);
  }
}

export function envelopeOf(response: Response, body: unknown, statusCode?: number): unknown {
  if ((statusCode ?? response.statusCode) === 204 || body instanceof StreamableFile) return body;
  const message = successMessageOf(response) ?? DEFAULT_SUCCESS_MESSAGE;
  if (body instanceof Page) return { status: 'success', data: body.items, message, meta: body.meta } satisfies SuccessBody<unknown>;
  return { status: 'success', data: body ?? null, message } satisfies SuccessBody<unknown>;
}
