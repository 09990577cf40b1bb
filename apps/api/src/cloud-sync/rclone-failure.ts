import { RcloneError } from '@borgitory/rclone-runner';
import { ErrorCode } from '../platform/http/error-code';

/** The API's code for an rclone failure: a refused host key has its own, everything else is RCLONE_ERROR. */
export function rcloneErrorCode(error: RcloneError): ErrorCode {
  return error.kind === 'host_key' ? ErrorCode.SSH_HOST_KEY_REJECTED : ErrorCode.RCLONE_ERROR;
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
