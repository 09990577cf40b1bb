import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiError } from './api-error';
import { ErrorCode } from './error-code';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence for cookie authentication: a mutating request that a browser
 * marks as coming from another origin is refused. Requests without Origin or
 * Referer (curl, scripts) are not from a browser page and pass.
 */
export function requireSameOrigin(allowedOrigins: string[]): RequestHandler {
  return (request: Request, _response: Response, next: NextFunction) => {
    if (!MUTATING.has(request.method)) return next();
    const claimed = request.get('origin') ?? request.get('referer');
    if (claimed === undefined) return next();
    const origin = URL.canParse(claimed) ? new URL(claimed) : null;
    const sameHost = origin !== null && origin.host === request.get('host');
    if (sameHost || (origin !== null && allowedOrigins.includes(origin.origin))) return next();
    next(ApiError.forbidden('Cross-origin request refused'));
  };
}

/** Only JSON bodies are accepted on mutating routes, so that an HTML form cannot post to the API. */
export const requireJsonBody: RequestHandler = (request, _response, next) => {
  const hasBody = request.get('transfer-encoding') !== undefined || Number(request.get('content-length') ?? 0) > 0;
  if (MUTATING.has(request.method) && hasBody && !request.is('application/json')) {
    return next(ApiError.badRequest('Request body must be JSON (Content-Type: application/json)'));
  }
  next();
};

/** body-parser errors carry a `type`; give them the envelope's words before Nest sees them. */
export const translateBodyParserErrors: ErrorRequestHandler = (error, _request, _response, next) => {
  switch (error?.type) {
    case 'entity.parse.failed':
      return next(ApiError.badRequest('Malformed JSON in request body'));
    case 'entity.too.large':
      return next(new ApiError(413, ErrorCode.PAYLOAD_TOO_LARGE, 'Request body is too large'));
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return next(ApiError.badRequest('Unsupported request body encoding'));
    default:
      return next(error);
  }
};
