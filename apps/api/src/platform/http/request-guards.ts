import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { bearerCredential } from '../../auth/api-keys/api-key-token';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence for cookie authentication: a mutating request that a browser
 * marks as coming from another origin is refused. The origin must match this
 * server's own in scheme, host and port (or be an allowed origin): an http page
 * cannot post to the https server of the same name. Requests without Origin or
 * Referer (curl, scripts) are not from a browser page and pass.
 *
 * So does a request with `Authorization: Bearer` (an API key), whatever its Origin: the guard then authenticates it
 * by that key alone and never by a cookie it carries, and a browser attaches no key on its own. A page of another
 * origin could not even set the header: Authorization is not a CORS-safelisted header, so the browser would first
 * ask with a preflight, which this server never approves.
 */
export function requireSameOrigin(allowedOrigins: string[]): RequestHandler {
  return (request: Request, _response: Response, next: NextFunction) => {
    if (!MUTATING.has(request.method)) return next();
    if (bearerCredential(request.get('authorization')) !== null) return next();
    const claimed = request.get('origin') ?? request.get('referer');
    if (claimed === undefined) return next();
    const origin = originOf(claimed);
    if (origin !== null && (origin === ownOrigin(request) || allowedOrigins.includes(origin))) return next();
    next(DomainError.forbidden('Cross-origin request refused'));
  };
}

/** The origin the request was sent to: its scheme (https directly or through a trusted proxy) and Host. */
function ownOrigin(request: Request): string | null {
  return request.host === undefined ? null : originOf(`${request.protocol}://${request.host}`);
}

/** `scheme://host[:port]` with the default port left out, as browsers send it; null for "null" and other non-URLs. */
function originOf(url: string): string | null {
  return URL.canParse(url) ? new URL(url).origin : null;
}

/** Only JSON bodies are accepted on mutating routes, so that an HTML form cannot post to the API. */
export const requireJsonBody: RequestHandler = (request, _response, next) => {
  const hasBody = request.get('transfer-encoding') !== undefined || Number(request.get('content-length') ?? 0) > 0;
  if (MUTATING.has(request.method) && hasBody && !request.is('application/json')) {
    return next(DomainError.badRequest('Request body must be JSON (Content-Type: application/json)'));
  }
  next();
};

/** An error refuseDeepJson throws; body-parser passes it on with its `type`, for translateBodyParserErrors. */
class BodyRefused extends Error {
  constructor(readonly type: 'entity.too.deep' | 'charset.unsupported') {
    super(type);
  }
}

/**
 * body-parser's `verify` hook: it sees the raw body before JSON.parse, so a
 * body nested too deep is refused before any of it is built (deep structures
 * overflowed the stack in validation and held the event loop).
 */
export function refuseDeepJson(_request: IncomingMessage, _response: ServerResponse, body: Buffer, encoding: string): void {
  if (nestsDeeperThan(asUtf8(body, encoding), MAX_JSON_DEPTH)) throw new BodyRefused('entity.too.deep');
}

/** body-parser accepts any UTF charset its decoder knows; one that TextDecoder does not (UTF-32) is refused. */
function asUtf8(body: Buffer, encoding: string): Uint8Array {
  if (encoding === 'utf-8') return body;
  try {
    return Buffer.from(new TextDecoder(encoding).decode(body), 'utf8');
  } catch {
    throw new BodyRefused('charset.unsupported');
  }
}

/** body-parser errors carry a `type`; give them the envelope's words before Nest sees them. */
export const translateBodyParserErrors: ErrorRequestHandler = (error, _request, _response, next) => {
  switch (error?.type) {
    case 'entity.parse.failed':
      return next(DomainError.badRequest('Malformed JSON in request body'));
    case 'entity.too.deep':
      return next(DomainError.badRequest(`JSON body is nested more than ${MAX_JSON_DEPTH} levels deep`, { max_depth: MAX_JSON_DEPTH }));
    case 'entity.too.large':
      return next(new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, 'Request body is too large'));
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return next(DomainError.badRequest('Unsupported request body encoding'));
    default:
      return next(error);
  }
};
