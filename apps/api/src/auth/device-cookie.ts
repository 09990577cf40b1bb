import type { Request, Response } from 'express';
import { DEVICE_TOKEN_MAX_AGE_MS } from './device-tokens';

export const DEVICE_COOKIE = 'borgitory.device';
// Only the login reads it; it outlives logout on purpose.
const DEVICE_COOKIE_PATH = '/api/auth/login';

export function readDeviceCookie(request: Request): string | undefined {
  for (const pair of (request.get('cookie') ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === DEVICE_COOKIE) return pair.slice(separator + 1).trim();
  }
  return undefined;
}

export function setDeviceCookie(request: Request, response: Response, token: string): void {
  response.cookie(DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.secure,
    path: DEVICE_COOKIE_PATH,
    maxAge: DEVICE_TOKEN_MAX_AGE_MS,
  });
}
