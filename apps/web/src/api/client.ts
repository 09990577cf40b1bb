import { createApiClient } from '@borgitory/api-client';

/** The one API client of the SPA: same origin, so the session cookie rides along. */
export const api = createApiClient();
