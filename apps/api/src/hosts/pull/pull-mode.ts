import { Inject, Injectable } from '@nestjs/common';
import { BorgError, BorgServeBridge, isRemoteLocation, pullRepositoryLocation, type BorgConnection } from '@borgitory/borg-runner';
import { SshRunner } from '@borgitory/ssh-runner';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { DomainError } from '../../platform/errors/domain-error';
import { ErrorCode } from '../../platform/errors/error-code';
import { HostConnections } from '../host-connections';
import { HostEntity } from '../host.entity';
import { PullModeLauncher } from './pull-mode-launcher';

/** Whether a repository can take backups of hosts: pull mode serves it from here, so it must be on this server. */
export function pullModeProblem(repositoryLocation: string): string | null {
  return isRemoteLocation(repositoryLocation)
    ? 'A backup of a host writes into a repository on this server (borg serve runs here); this repository is remote'
    : null;
}

/**
 * borg's pull mode for one job: `borg serve --append-only --restrict-to-repository` for the repository, here, behind
 * an RPC guard (BorgServeBridge); borg itself runs on the host (PullModeLauncher) and reaches it through a socket ssh
 * forwards back. The host gets nothing that opens the repository but the passphrase of the run, and cannot delete
 * or overwrite archives. `use` gets a connection whose borg calls all run that way.
 */
@Injectable()
export class PullMode {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ssh: SshRunner,
    private readonly connections: HostConnections,
  ) {}

  async run<T>(
    host: HostEntity,
    repository: BorgConnection,
    use: (connection: BorgConnection) => Promise<T>,
    log: (message: string) => void,
  ): Promise<T> {
    const problem = pullModeProblem(repository.location);
    if (problem) throw DomainError.invalidInput({ repository_id: [problem] });
    const bridge = await BorgServeBridge.start({ repositoryPath: repository.location, borgBinary: this.config.borgBin });
    const launcher = new PullModeLauncher(this.ssh, await this.connections.of(host), bridge, repository.location);
    try {
      return await use({ location: pullRepositoryLocation(repository.location), passphrase: repository.passphrase, launcher });
    } catch (error) {
      if (launcher.connectionLost && error instanceof BorgError && error.kind !== 'cancelled') {
        throw new DomainError(
          ErrorCode.SSH_CONNECTION_FAILED,
          `The connection to host ${host.name} was lost while borg ran there (${error.message}); nothing was committed after the last checkpoint`,
        );
      }
      throw error;
    } finally {
      await bridge.close();
      for (const refusal of bridge.refusals) log(`Pull mode refused the host's request: ${refusal.message}`);
    }
  }
}
