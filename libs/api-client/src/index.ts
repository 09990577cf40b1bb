import createClient from 'openapi-fetch';
import type { components, paths } from './generated/schema';

export type { components, operations, paths } from './generated/schema';
export type Schemas = components['schemas'];
export type ErrorCode = Schemas['ErrorInfoDto']['code'];

/** A typed client for the Borgitory API; the session cookie rides along on same-origin requests. */
export function createApiClient(baseUrl = '') {
  return createClient<paths>({ baseUrl, credentials: 'same-origin', headers: { Accept: 'application/json' } });
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** An API answer in the error envelope, as an exception. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK_ERROR',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

interface FetchResult<T> {
  data?: { data: T };
  error?: unknown;
  response: Response;
}

export type PageMeta = Schemas['PageMetaDto'];

/** One page of a list endpoint: its items and where they sit in the whole list. */
export interface Page<T> {
  items: T[];
  meta: PageMeta;
}

/** The `data` of a success envelope, or an ApiRequestError carrying the error envelope's code and message. */
export async function unwrap<T>(request: Promise<FetchResult<T>>): Promise<T> {
  const result = await request;
  if (result.response.ok) return (result.data?.data ?? undefined) as T;
  const envelope = result.error as { error?: { code: ErrorCode; message: string; details?: Record<string, unknown> } };
  const error = envelope?.error;
  throw new ApiRequestError(
    result.response.status,
    error?.code ?? 'INTERNAL_ERROR',
    error?.message ?? `Request failed with status ${result.response.status}`,
    error?.details,
  );
}

/** Like `unwrap`, for list endpoints: `meta` (total, limit, offset) is kept with the items. */
export async function unwrapPage<T>(request: Promise<FetchResult<T[]> & { data?: { meta: PageMeta } }>): Promise<Page<T>> {
  const items = await unwrap(request);
  const meta = (await request).data?.meta;
  if (!meta) throw new ApiRequestError(500, 'INTERNAL_ERROR', 'The list answer carried no paging information');
  return { items, meta };
}
