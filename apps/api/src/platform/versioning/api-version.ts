import type { Request, RequestHandler } from 'express';
import { DomainError } from '../errors/domain-error';

/** The version of the API this server speaks: its paths start with `/api/v1`, and every answer says so. */
export const API_VERSION_NUMBER = 1;
export const API_PREFIX = `api/v${API_VERSION_NUMBER}`;
export const API_VERSION_HEADER = 'API-Version';
/** `/api/...` without a version: the current version's paths, so that clients written before versioning keep working. */
const UNVERSIONED_PREFIX = '/api';
const VERSIONED_PATH = /^\/api\/v(\d+)(?:\/|$)/;

/**
 * Sets `API-Version` on every answer, and serves `/api/...` as `/api/v1/...` by rewriting the URL before anything
 * routes it (the original stays in `originalUrl` for the log). `/api/v2/...` is refused while there is no version 2.
 */
export const serveCurrentVersion: RequestHandler = (request, response, next) => {
  response.setHeader(API_VERSION_HEADER, String(API_VERSION_NUMBER));
  const path = request.path;
  if (path !== UNVERSIONED_PREFIX && !path.startsWith(`${UNVERSIONED_PREFIX}/`)) return next();
  const version = VERSIONED_PATH.exec(path)?.[1];
  if (version === undefined) {
    request.url = `/${API_PREFIX}${request.url.slice(UNVERSIONED_PREFIX.length)}`;
    return next();
  }
  if (Number(version) !== API_VERSION_NUMBER) {
    return next(
      DomainError.notFound(`API version ${version} does not exist; this server speaks version ${API_VERSION_NUMBER} (/${API_PREFIX})`),
    );
  }
  next();
};

/** The path as the client wrote it (`/api/...` or `/api/v1/...`), for messages that quote it back. */
export function requestedPath(request: Request): string {
  return request.originalUrl.split('?')[0];
}
