import { BorgError } from '@borgitory/borg-runner';
import { DomainError } from '../../platform/errors/domain-error';
import { ErrorCode } from '../../platform/errors/error-code';
import { RepositoryLocation } from '../repository-location';

export interface FailureDescription {
  code: ErrorCode;
  message: string;
}

const NOT_A_REPOSITORY = new Set(['Repository.DoesNotExist', 'Repository.InvalidRepository', 'Repository.InvalidRepositoryConfig']);
const ALREADY_EXISTS = new Set(['Repository.AlreadyExists', 'Repository.PathAlreadyExists', 'Repository.ParentPathDoesNotExist']);
const LOCKED = new Set(['LockTimeout', 'LockFailed', 'LockError', 'LockErrorT', 'NotLocked', 'NotMyLock']);
const KEY_MISSING = new Set([
  'KeyfileNotFoundError',
  'KeyfileInvalidError',
  'KeyfileMismatchError',
  'RepoKeyNotFoundError',
  'UnsupportedKeyFormatError',
]);

const SSH_REASON = /Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|Permission denied \(|ssh: /;

/**
 * borg sometimes exits on a closed ssh connection before it relays ssh's
 * reason (it depends on timing); then ssh must be asked directly.
 */
export function needsSshDiagnosis(error: unknown, where: RepositoryLocation): boolean {
  return (
    error instanceof BorgError &&
    where.remote &&
    (error.msgid === 'ConnectionClosed' || error.msgid === 'ConnectionClosedWithHint') &&
    !SSH_REASON.test(error.stderrTail.join('\n'))
  );
}

/**
 * Says in the user's terms why borg could not do what was asked, with the code
 * for it. `sshReport` is what a direct ssh probe printed, if one ran.
 */
export function describeBorgFailure(error: unknown, where: RepositoryLocation, sshReport: string[] = []): FailureDescription {
  if (!(error instanceof BorgError)) throw error;
  const lines = [...sshReport, ...error.stderrTail].join('\n');
  const target = where.remote ? `${where.host}:${where.port}` : where.location;

  if (error.kind === 'refused') return { code: ErrorCode.VALIDATION_ERROR, message: error.message };
  if (error.kind === 'spawn') return { code: ErrorCode.SERVICE_UNAVAILABLE, message: error.message };
  if (error.kind === 'timeout') return { code: ErrorCode.BORG_ERROR, message: `${error.message} while opening ${target}` };

  if (/Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED/.test(lines)) {
    return {
      code: ErrorCode.SSH_HOST_KEY_REJECTED,
      message: `The host key of ${target} is not known or has changed, and strict host key checking refuses it. Check the key, or use the accept-new policy to trust a new host.`,
    };
  }
  if (/Permission denied \(/.test(lines)) {
    return {
      code: ErrorCode.SSH_AUTHENTICATION_FAILED,
      message: `${target} refused the ssh key. Add Borgitory's public key (GET /api/v1/ssh/public-key) to the server's authorized_keys, or give a private key it accepts.`,
    };
  }
  const sshLine =
    /ssh: .*/.exec(lines) ?? /Connection (refused|timed out|closed).*|Could not resolve hostname.*|No route to host.*/.exec(lines);
  if (sshLine || error.msgid === 'ConnectionClosed' || error.msgid === 'ConnectionClosedWithHint') {
    return {
      code: ErrorCode.SSH_CONNECTION_FAILED,
      message: `Could not reach ${target}${sshLine ? `: ${sshLine[0].replace(/^ssh: /, '')}` : ''}`,
    };
  }
  if (error.msgid === 'PassphraseWrong') {
    return { code: ErrorCode.BORG_PASSPHRASE_WRONG, message: 'The passphrase is wrong for this repository' };
  }
  if (error.msgid && NOT_A_REPOSITORY.has(error.msgid)) {
    return { code: ErrorCode.REPOSITORY_NOT_FOUND, message: `There is no borg repository at ${where.location}` };
  }
  if (error.msgid && ALREADY_EXISTS.has(error.msgid)) {
    const parentMissing = error.msgid === 'Repository.ParentPathDoesNotExist';
    return parentMissing
      ? { code: ErrorCode.VALIDATION_ERROR, message: `The parent directory of ${where.location} does not exist` }
      : {
          code: ErrorCode.REPOSITORY_ALREADY_EXISTS,
          message: `There is already a repository (or other data) at ${where.location}. To use an existing repository, import it with "initialize": false.`,
        };
  }
  if (error.msgid && LOCKED.has(error.msgid)) {
    return {
      code: ErrorCode.REPOSITORY_BUSY,
      message: 'The repository is locked by another borg process; try again later or break the lock',
    };
  }
  if (error.msgid && KEY_MISSING.has(error.msgid)) {
    return {
      code: ErrorCode.BORG_KEY_MISSING,
      message: 'This repository keeps its key in a key file that is not on this server. Import it with the exported key in "key_file".',
    };
  }
  return { code: ErrorCode.BORG_ERROR, message: `borg failed: ${error.message}` };
}

export function failureAsError(failure: FailureDescription): DomainError {
  return new DomainError(failure.code, failure.message);
}
