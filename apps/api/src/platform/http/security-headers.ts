import type { RequestHandler } from 'express';
import helmet, { contentSecurityPolicy, strictTransportSecurity } from 'helmet';

/**
 * The Content-Security-Policy of every answer: scripts, styles, fonts and
 * connections only from this server, nothing may frame it. The SPA, Swagger UI
 * and the API need nothing more.
 */
const DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Only for requests that came over https: browsers ignore it on plain http (RFC 6797), where it would only mislead. */
const hsts = strictTransportSecurity({ maxAge: 365 * 24 * 3600, includeSubDomains: false });

/**
 * Security headers for every answer (the SPA, the docs, the API, errors):
 * helmet's set with our policy, X-Frame-Options DENY, Referrer-Policy
 * same-origin (our own CSRF check may fall back to Referer), and HSTS when
 * the request came over https.
 */
export function securityHeaders(): RequestHandler {
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });
  return (request, response, next) => {
    if (request.secure) hsts(request, response, () => undefined);
    headers(request, response, next);
  };
}

/**
 * ReDoc's page: ReDoc builds its styles at run time (styled-components) and
 * inserts them as <style> elements, and runs its search index in a worker made
 * from a blob. Scripts stay 'self' only; see docs/decisions.md.
 */
export const redocContentSecurityPolicy: RequestHandler = contentSecurityPolicy({
  useDefaults: false,
  directives: { ...DIRECTIVES, styleSrc: ["'self'", "'unsafe-inline'"], workerSrc: ["'self'", 'blob:'] },
});
