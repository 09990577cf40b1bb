import { createHash, timingSafeEqual } from 'node:crypto';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import { API_KEY_SCHEME } from './api-keys/api-key-token';

export const ACCEPTS_METRICS_TOKEN = 'borgitory:metrics-token';
/** The OpenAPI security scheme of BORGITORY_METRICS_TOKEN. */
export const METRICS_TOKEN_SCHEME = 'metrics_token';

/** The route takes a session or an API key, or instead `Authorization: Bearer <BORGITORY_METRICS_TOKEN>` (for Prometheus). */
export const AcceptsMetricsToken = () =>
  applyDecorators(
    SetMetadata(ACCEPTS_METRICS_TOKEN, true),
    ApiSecurity('session'),
    ApiBearerAuth(API_KEY_SCHEME),
    ApiBearerAuth(METRICS_TOKEN_SCHEME),
  );

/**
 * Whether the Authorization header carries the configured token. Both sides are hashed before the constant-time
 * comparison, so that neither the token's content nor its length shows in how long a refusal takes.
 */
export function presentsMetricsToken(authorization: string | undefined, token: string | null): boolean {
  if (token === null || authorization === undefined) return false;
  const [scheme, presented, ...rest] = authorization.trim().split(/\s+/);
  if (scheme?.toLowerCase() !== 'bearer' || presented === undefined || rest.length > 0) return false;
  return timingSafeEqual(digest(presented), digest(token));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
