import { RcloneError } from '@borgitory/rclone-runner';
import { ErrorCode } from '../platform/errors/error-code';

/**
 * The API's code for an rclone failure: a refused host key has its own, a remote rclone was not started for (a stored
 * host or user the rules refuse) is a validation error, everything else is RCLONE_ERROR.
 */
export function rcloneErrorCode(error: RcloneError): ErrorCode {
  if (error.kind === 'host_key') return ErrorCode.SSH_HOST_KEY_REJECTED;
  return error.kind === 'refused' ? ErrorCode.VALIDATION_ERROR : ErrorCode.RCLONE_ERROR;
}

/** A repository's folder on the remote: its name in lower case, with - for anything but letters and digits. */
export function repositoryFolder(repository: { id: number; name: string }): string {
  const slug = repository.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || `repository-${repository.id}`;
}
