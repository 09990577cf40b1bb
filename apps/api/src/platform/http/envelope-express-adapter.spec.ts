import { StreamableFile } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import express, { type Response } from 'express';
import request from 'supertest';
import { Page } from './envelope';
import { EnvelopeExpressAdapter, envelopeOf } from './envelope-express-adapter';
import { SuccessMessage } from './success-message.decorator';
import { SuccessMessageGuard } from './success-message.guard';

class RepositoriesController {
  @SuccessMessage('Repository created')
  create(): string {
    return 'created';
  }

  list(): string {
    return 'listed';
  }
}

/** A response as the guard leaves it for the route `method`. */
function responseAfterGuard(method: keyof RepositoriesController, statusCode = 200): Response {
  const response = { statusCode } as Response;
  const context = new ExecutionContextHost([{}, response], RepositoriesController, RepositoriesController.prototype[method]);
  expect(new SuccessMessageGuard(new Reflector()).canActivate(context)).toBe(true);
  return response;
}

describe('the success envelope', () => {
  it('wraps a result with the route message', () => {
    expect(envelopeOf(responseAfterGuard('create', 201), { id: 1 }, 201)).toEqual({
      status: 'success',
      data: { id: 1 },
      message: 'Repository created',
    });
  });

  it('uses the default message and null data when the route gives none', () => {
    expect(envelopeOf(responseAfterGuard('list'), undefined)).toEqual({
      status: 'success',
      data: null,
      message: 'Operation completed successfully',
    });
  });

  it('splits a page into data and meta', () => {
    const page = new Page([{ id: 1 }, { id: 2 }], { total: 12, limit: 2, offset: 4 });
    expect(envelopeOf(responseAfterGuard('list'), page)).toEqual({
      status: 'success',
      data: [{ id: 1 }, { id: 2 }],
      message: 'Operation completed successfully',
      meta: { total: 12, limit: 2, offset: 4 },
    });
  });

  it('leaves 204 answers and streams alone', () => {
    expect(envelopeOf(responseAfterGuard('list'), undefined, 204)).toBeUndefined();
    expect(envelopeOf(responseAfterGuard('list', 204), undefined)).toBeUndefined();
    const stream = new StreamableFile(Buffer.from('file'));
    expect(envelopeOf(responseAfterGuard('list'), stream)).toBe(stream);
  });
});

describe('EnvelopeExpressAdapter', () => {
  it('sends a page as its envelope in JSON with an ETag, made once for the same page', async () => {
    const app = express();
    const adapter = new EnvelopeExpressAdapter(app);
    const page = new Page([{ id: 1 }], { total: 1, limit: 50, offset: 0 });
    app.get('/page', (_request, response) => adapter.reply(response, page, 200));
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      const first = await request(app).get('/page').expect(200).expect('Content-Type', 'application/json; charset=utf-8');
      const second = await request(app).get('/page').expect(200);
      expect(first.body).toEqual({ status: 'success', data: [{ id: 1 }], message: 'Operation completed successfully', meta: page.meta });
      expect(second.text).toBe(first.text);
      expect(second.headers.etag).toBe(first.headers.etag);
      await request(app).get('/page').set('If-None-Match', first.headers.etag).expect(304);
      expect(stringify.mock.calls.filter(([value]) => value !== null && typeof value === 'object' && 'meta' in value)).toHaveLength(1);
    } finally {
      stringify.mockRestore();
    }
  });
});
