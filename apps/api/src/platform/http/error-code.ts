/** Every error code the API can return. Clients may switch on these exhaustively. */
export enum ErrorCode {
  VALIDATION_ERROR = 'VALIDATION_ERROR',
  BAD_REQUEST = 'BAD_REQUEST',
  UNAUTHORIZED = 'UNAUTHORIZED',
  FORBIDDEN = 'FORBIDDEN',
  /** First-run setup through a host name that is not allowed (DNS rebinding defence). */
  HOST_NOT_ALLOWED = 'HOST_NOT_ALLOWED',
  NOT_FOUND = 'NOT_FOUND',
  METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED',
  CONFLICT = 'CONFLICT',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  RATE_LIMITED = 'RATE_LIMITED',
  SETUP_REQUIRED = 'SETUP_REQUIRED',
  REPOSITORY_BUSY = 'REPOSITORY_BUSY',
  REPOSITORY_ALREADY_EXISTS = 'REPOSITORY_ALREADY_EXISTS',
  REPOSITORY_NOT_FOUND = 'REPOSITORY_NOT_FOUND',
  BORG_ERROR = 'BORG_ERROR',
  BORG_PASSPHRASE_WRONG = 'BORG_PASSPHRASE_WRONG',
  BORG_KEY_MISSING = 'BORG_KEY_MISSING',
  SSH_CONNECTION_FAILED = 'SSH_CONNECTION_FAILED',
  SSH_HOST_KEY_REJECTED = 'SSH_HOST_KEY_REJECTED',
  SSH_AUTHENTICATION_FAILED = 'SSH_AUTHENTICATION_FAILED',
  RCLONE_ERROR = 'RCLONE_ERROR',
  CLOUD_SYNC_STALLED = 'CLOUD_SYNC_STALLED',
  HOOK_FAILED = 'HOOK_FAILED',
  SOURCE_UNAVAILABLE = 'SOURCE_UNAVAILABLE',
  JOB_INTERRUPTED = 'JOB_INTERRUPTED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
}

/** The code used when an error carries only an HTTP status. */
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
