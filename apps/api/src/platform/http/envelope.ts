import { ErrorCode } from '../errors/error-code';

export interface SuccessBody<T> {
  status: 'success';
  data: T;
  message: string;
  meta?: PageMeta;
}

export interface ErrorBody {
  status: 'error';
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

export interface PageMeta {
  total: number;
  limit: number;
  offset: number;
}

/** What a list endpoint returns; the envelope interceptor splits it into `data` and `meta`. */
export class Page<T> {
  constructor(
    readonly items: T[],
    readonly meta: PageMeta,
  ) {}
}

export const DEFAULT_SUCCESS_MESSAGE = 'Operation completed successfully';
