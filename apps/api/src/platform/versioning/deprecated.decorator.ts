import { applyDecorators, Header } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

/** How an operation is retired: since when, until when it keeps working, and what replaces it. */
export interface Deprecation {
  /** The day it was deprecated, `YYYY-MM-DD`. */
  since: string;
  /** The day after which it may be removed, `YYYY-MM-DD`. */
  sunset: string;
  /** The operation to use instead, as the document names it (`POST /api/v1/...`). */
  successor: string;
  /** The successor's operationId, which the docs link to. */
  successorOperationId: string;
}

/** Read by the document builder, which marks the operation deprecated and says so in words. */
export const DEPRECATION_EXTENSION = 'x-deprecation';

/**
 * Marks an operation as deprecated: `deprecated: true` in the OpenAPI document, and on its answers the `Deprecation`
 * (RFC 9745, `@` and the Unix time) and `Sunset` (RFC 8594, an HTTP date) headers, with a `Link` to the successor's
 * documentation.
 */
export function Deprecated(deprecation: Deprecation) {
  return applyDecorators(
    Header('Deprecation', `@${Date.parse(`${deprecation.since}T00:00:00Z`) / 1000}`),
    Header('Sunset', new Date(`${deprecation.sunset}T23:59:59Z`).toUTCString()),
    Header('Link', `</redoc#operation/${deprecation.successorOperationId}>; rel="successor-version"`),
    ApiExtension(DEPRECATION_EXTENSION, deprecation),
  );
}
