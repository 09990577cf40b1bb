import { CallHandler, ExecutionContext, StreamableFile } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { lastValueFrom, of } from 'rxjs';
import { Page } from './envelope';
import { EnvelopeInterceptor } from './envelope.interceptor';
import { SUCCESS_MESSAGE } from './success-message.decorator';

function contextFor(statusCode: number, message?: string): ExecutionContext {
  const handler = () => undefined;
  if (message) Reflect.defineMetadata(SUCCESS_MESSAGE, message, handler);
  return {
    getHandler: () => handler,
    getClass: () => class {},
    switchToHttp: () => ({ getResponse: () => ({ statusCode }) }),
  } as unknown as ExecutionContext;
}

const returning = (value: unknown): CallHandler => ({ handle: () => of(value) });

describe('EnvelopeInterceptor', () => {
  const interceptor = new EnvelopeInterceptor(new Reflector());
  const wrap = (context: ExecutionContext, value: unknown) =>
    lastValueFrom(interceptor.intercept(context, returning(value)));

  it('wraps a result in the success envelope with the route message', async () => {
    await expect(wrap(contextFor(201, 'Repository created'), { id: 1 })).resolves.toEqual({
      status: 'success',
      data: { id: 1 },
      message: 'Repository created',
    });
  });

  it('uses the default message and null data when the route gives none', async () => {
    await expect(wrap(contextFor(200), undefined)).resolves.toEqual({
      status: 'success',
      data: null,
      message: 'Operation completed successfully',
    });
  });

  it('splits a page into data and meta', async () => {
    const page = new Page([{ id: 1 }, { id: 2 }], { total: 12, limit: 2, offset: 4 });
    await expect(wrap(contextFor(200), page)).resolves.toEqual({
      status: 'success',
      data: [{ id: 1 }, { id: 2 }],
      message: 'Operation completed successfully',
      meta: { total: 12, limit: 2, offset: 4 },
    });
  });

  it('leaves 204 responses and streams alone', async () => {
    await expect(wrap(contextFor(204), undefined)).resolves.toBeUndefined();
    const stream = new StreamableFile(Buffer.from('file'));
    await expect(wrap(contextFor(200), stream)).resolves.toBe(stream);
  });
});
