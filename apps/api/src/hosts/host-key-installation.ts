import { Injectable } from '@nestjs/common';
import { SshError, SshRunner } from '@borgitory/ssh-runner';
import { DomainError } from '../platform/errors/domain-error';
import { ErrorCode } from '../platform/errors/error-code';
import { HostEntity } from './host.entity';
import { HostConnections } from './host-connections';
import { domainErrorOf, isHostFailure } from './ssh-failures';

/**
 * Adds Borgitory's key line to a host user's authorized_keys by logging in once with that user's password. The password
 * reaches only the ssh child (through its askpass helper's environment, see SshRunner.installKey); it is never stored,
 * logged or recorded in the audit trail.
 */
@Injectable()
export class HostKeyInstallation {
  constructor(
    private readonly connections: HostConnections,
    private readonly ssh: SshRunner,
  ) {}

  async install(host: HostEntity, password: string, authorizedKeyLine: string): Promise<void> {
    const connection = await this.connections.of(host);
    try {
      await this.ssh.installKey(connection, password, authorizedKeyLine);
    } catch (error) {
      if (isHostFailure(error)) throw domainErrorOf(error);
      if (error instanceof SshError && error.code === 'REMOTE_FAILED')
        throw new DomainError(ErrorCode.SSH_CONNECTION_FAILED, error.message);
      throw error;
    }
  }
}
