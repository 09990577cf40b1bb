import type { Request, Response } from 'express';
import { SESSION_COOKIE } from './session.middleware';

/** Enough of a User-Agent header to name a browser and system; the rest is not kept. */
const USER_AGENT_MAX_LENGTH = 256;

/** A new session id on every login, so that a planted cookie cannot be carried into a logged-in session. */
export function startSession(request: Request, userId: number): Promise<void> {
  return new Promise((resolve, reject) => {
    request.session.regenerate((regenerateError) => {
      if (regenerateError) return reject(regenerateError);
      request.session.userId = userId;
      request.session.signedIn = {
        at: new Date().toISOString(),
        address: request.ip ?? 'unknown',
        userAgent: (request.get('user-agent') ?? '').slice(0, USER_AGENT_MAX_LENGTH),
      };
      request.session.save((saveError) => (saveError ? reject(saveError) : resolve()));
    });
  });
}

export function endSession(request: Request, response: Response): Promise<void> {
  response.clearCookie(SESSION_COOKIE, { path: '/' });
  if (!request.session) return Promise.resolve();
  return new Promise((resolve, reject) => request.session.destroy((error) => (error ? reject(error) : resolve())));
}
