/** Every error code the API can return. Clients may switch on these exhaustively. */
export enum ErrorCode {
  VALIDATION_ERROR = 'VALIDATION_ERROR',
  BAD_REQUEST = 'BAD_REQUEST',
  UNAUTHORIZED = 'UNAUTHORIZED',
  /** The password was right; the account has two-factor sign-in on and the login needs its code. */
  TWO_FACTOR_REQUIRED = 'TWO_FACTOR_REQUIRED',
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
  /** No host has the id in the path. */
  HOST_NOT_FOUND = 'HOST_NOT_FOUND',
  /** The host cannot be deleted: schedules back it up (details.used_by names them). */
  HOST_IN_USE = 'HOST_IN_USE',
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

const CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** Whether a stored code (a job's error_code column) is one of ours. */
export function isErrorCode(value: string): value is ErrorCode {
  return CODES.has(value);
}
