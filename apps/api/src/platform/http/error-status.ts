import { ErrorCode } from '../errors/error-code';

/** The one place where an error code becomes an HTTP status. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  [ErrorCode.VALIDATION_ERROR]: 422,
  [ErrorCode.BAD_REQUEST]: 400,
  [ErrorCode.UNAUTHORIZED]: 401,
  [ErrorCode.TWO_FACTOR_REQUIRED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.HOST_NOT_ALLOWED]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.METHOD_NOT_ALLOWED]: 405,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SETUP_REQUIRED]: 409,
  [ErrorCode.REPOSITORY_BUSY]: 409,
  [ErrorCode.REPOSITORY_ALREADY_EXISTS]: 409,
  [ErrorCode.REPOSITORY_NOT_FOUND]: 422,
  [ErrorCode.HOST_NOT_FOUND]: 404,
  [ErrorCode.HOST_IN_USE]: 409,
  [ErrorCode.BORG_ERROR]: 422,
  [ErrorCode.BORG_PASSPHRASE_WRONG]: 422,
  [ErrorCode.BORG_KEY_MISSING]: 422,
  [ErrorCode.SSH_CONNECTION_FAILED]: 422,
  [ErrorCode.SSH_HOST_KEY_REJECTED]: 422,
  [ErrorCode.SSH_AUTHENTICATION_FAILED]: 422,
  [ErrorCode.RCLONE_ERROR]: 422,
  [ErrorCode.CLOUD_SYNC_STALLED]: 422,
  [ErrorCode.HOOK_FAILED]: 422,
  [ErrorCode.SOURCE_UNAVAILABLE]: 422,
  [ErrorCode.JOB_INTERRUPTED]: 409,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.INTERNAL_ERROR]: 500,
};

/** The code of an error that carries only an HTTP status (Nest's own, body-parser's). */
export function errorCodeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return ErrorCode.BAD_REQUEST;
    case 401:
      return ErrorCode.UNAUTHORIZED;
    case 403:
      return ErrorCode.FORBIDDEN;
    case 404:
      return ErrorCode.NOT_FOUND;
    case 405:
      return ErrorCode.METHOD_NOT_ALLOWED;
    case 409:
      return ErrorCode.CONFLICT;
    case 413:
      return ErrorCode.PAYLOAD_TOO_LARGE;
    case 422:
      return ErrorCode.VALIDATION_ERROR;
    case 429:
      return ErrorCode.RATE_LIMITED;
    case 503:
      return ErrorCode.SERVICE_UNAVAILABLE;
    default:
      return status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
  }
}
