import { SshError } from '@borgitory/ssh-runner';
import { DomainError } from '../platform/errors/domain-error';
import { ErrorCode } from '../platform/errors/error-code';
import type { HostProblemCode } from './dto/host.dto';
import type { HostEntity } from './host.entity';

/** The failures of ssh itself that say something about the host (anything else is a fault here, not the host's). */
export function isHostFailure(error: unknown): error is SshError & { code: HostProblemCode } {
  return (
    error instanceof SshError && ['UNREACHABLE', 'TIMEOUT', 'HOST_KEY_MISMATCH', 'HOST_KEY_UNKNOWN', 'AUTH_FAILED'].includes(error.code)
  );
}

/** What the user can do about a failure, in one sentence. */
export function fixFor(code: HostProblemCode, host: HostEntity): string | null {
  switch (code) {
    case 'UNREACHABLE':
    case 'TIMEOUT':
      return `Check that the host is on and that its sshd listens on port ${host.port}: \`ssh -p ${host.port} ${host.sshUser}@${host.hostname}\` from this server should connect`;
    case 'HOST_KEY_MISMATCH':
      return `If the host was reinstalled, give its new key as host_key (\`ssh-keyscan -p ${host.port} ${host.hostname}\` prints it); otherwise do not connect: something answers in its place`;
    case 'HOST_KEY_UNKNOWN':
      return `Give the host's key as host_key (\`ssh-keyscan -p ${host.port} ${host.hostname}\` prints it), or use the accept-new policy`;
    case 'AUTH_FAILED':
      return `Add Borgitory's key line (GET /api/v1/hosts/authorized-key) to ~/.ssh/authorized_keys of ${host.sshUser} on the host, or install it once with that user's password (POST /api/v1/hosts/${host.id}/install-key)`;
    default:
      return null;
  }
}

/** A host failure as the API answers it when an operation (not a test) needs the host. */
export function domainErrorOf(error: SshError & { code: HostProblemCode }): DomainError {
  switch (error.code) {
    case 'AUTH_FAILED':
      return new DomainError(ErrorCode.SSH_AUTHENTICATION_FAILED, error.message);
    case 'HOST_KEY_MISMATCH':
    case 'HOST_KEY_UNKNOWN':
      return new DomainError(ErrorCode.SSH_HOST_KEY_REJECTED, error.message);
    default:
      return new DomainError(ErrorCode.SSH_CONNECTION_FAILED, error.message);
  }
}
