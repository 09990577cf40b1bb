import type { Request, Response } from 'express';
import { API_PREFIX } from '../platform/versioning/api-version';
import { DEVICE_TOKEN_MAX_AGE_MS } from './device-tokens';

export const DEVICE_COOKIE = 'borgitory.device';

export function readDeviceCookie(request: Request): string | undefined {
  for (const pair of (request.get('cookie') ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === DEVICE_COOKIE) return pair.slice(separator + 1).trim();
  }
  return undefined;
}

/**
 * Only the login reads it, so it is sent back only to the login path of the client's prefix (`/api/v1/auth/login`, or
 * the unversioned alias for a client that calls `/api/...`); it outlives logout on purpose.
 */
export function setDeviceCookie(request: Request, response: Response, token: string): void {
  response.cookie(DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.secure,
    path: request.originalUrl.startsWith(`/${API_PREFIX}/`) ? `/${API_PREFIX}/auth/login` : '/api/auth/login',
    maxAge: DEVICE_TOKEN_MAX_AGE_MS,
  });
}
