import { Injectable } from '@nestjs/common';
import type { RequestHandler } from 'express';
import session from 'express-session';
import { SecretsService } from '../platform/secrets/secrets.service';
import { DatabaseSessionStore, SESSION_MAX_AGE_MS } from './session-store';

export const SESSION_COOKIE = 'borgitory.sid';

declare module 'express-session' {
  interface SessionData {
    userId: number;
    /** Where the session began, for the user's list of sessions. */
    signedIn?: { at: string; address: string; userAgent: string };
    /** A single sign-on under way: what the provider's answer must match. */
    oidc?: { state: string; nonce: string; codeVerifier: string };
  }
}

/** The express-session handler: HttpOnly, SameSite=Lax, Secure whenever the request came over TLS. */
@Injectable()
export class SessionMiddleware {
  readonly handler: RequestHandler;

  constructor(store: DatabaseSessionStore, secrets: SecretsService) {
    this.handler = session({
      name: SESSION_COOKIE,
      secret: secrets.subkey('session-cookie').toString('base64'),
      store,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: SESSION_MAX_AGE_MS, path: '/' },
    });
  }
}
