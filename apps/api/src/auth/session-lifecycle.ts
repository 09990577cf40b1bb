import type { Request, Response } from 'express';
import { SESSION_COOKIE } from './session.middleware';

/** A new session id on every login, so that a planted cookie cannot be carried into a logged-in session. */
export function startSession(request: Request, userId: number): Promise<void> {
  return new Promise((resolve, reject) => {
    request.session.regenerate((regenerateError) => {
      if (regenerateError) return reject(regenerateError);
      request.session.userId = userId;
      request.session.save((saveError) => (saveError ? reject(saveError) : resolve()));
    });
  });
}

export function endSession(request: Request, response: Response): Promise<void> {
  response.clearCookie(SESSION_COOKIE, { path: '/' });
  if (!request.session) return Promise.resolve();
  return new Promise((resolve, reject) => request.session.destroy((error) => (error ? reject(error) : resolve())));
}
