import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import 'pino-http';

const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The first middleware: every request gets an id (the client's X-Request-Id
 * when it is sane), echoed in the response, used by every log line and by
 * error ids, even for requests that fail before they reach a route.
 */
export const assignRequestId: RequestHandler = (request, response, next) => {
  const offered = request.get('x-request-id');
  const id = offered && SANE_REQUEST_ID.test(offered) ? offered : randomUUID();
  request.id = id;
  response.setHeader('X-Request-Id', id);
  next();
};
