import { Injectable } from '@nestjs/common';
import { BorgConnection } from '@borgitory/borg-runner';
import { DomainError } from '../../platform/errors/domain-error';
import { SecretsService } from '../../platform/secrets/secrets.service';
import { HostKeyPolicy, RepositoryEntity, SshKeySource } from '../repository.entity';
import { checkRepositoryLocation, RepositoryLocation } from '../repository-location';
import { SshKeysService } from '../ssh/ssh-keys.service';

export const PASSPHRASE_SECRET = 'repository.passphrase';
export const SSH_PRIVATE_KEY_SECRET = 'repository.ssh-private-key';

/** What borg needs to open a repository, in the clear; lives only for the duration of a call. */
export interface ConnectionSettings {
  location: RepositoryLocation;
  passphrase: string | null;
  sshKeySource: SshKeySource | null;
  sshPrivateKey: string | null;
  hostKeyPolicy: HostKeyPolicy;
}

@Injectable()
export class RepositoryConnections {
  constructor(
    private readonly secrets: SecretsService,
    private readonly sshKeys: SshKeysService,
  ) {}

  /** The stored settings; `location` stands in for the stored path when a change replaces it. */
  settingsOf(repository: RepositoryEntity, location: RepositoryLocation = this.locationOf(repository)): ConnectionSettings {
    return {
      location,
      passphrase: repository.passphraseSecret ? this.secrets.decrypt(repository.passphraseSecret, PASSPHRASE_SECRET) : null,
      sshKeySource: repository.sshKeySource,
      sshPrivateKey: repository.sshPrivateKeySecret ? this.secrets.decrypt(repository.sshPrivateKeySecret, SSH_PRIVATE_KEY_SECRET) : null,
      hostKeyPolicy: repository.sshHostKeyPolicy,
    };
  }

  /**
   * The stored path, checked as a new one would be: a path saved before the rules got stricter (a user or host that
   * ssh could read as an option) is never handed to borg; the repository keeps working once its path is changed.
   */
  locationOf(repository: RepositoryEntity): RepositoryLocation {
    const checked = checkRepositoryLocation(repository.path);
    if (checked.ok) return checked.location;
    throw DomainError.validation(`Repository "${repository.name}" has a path Borgitory no longer accepts; change it`, {
      path: [checked.problem],
    });
  }

  /** Runs `work` with a BorgConnection; a user-supplied ssh key exists on disk only meanwhile. */
  async use<T>(settings: ConnectionSettings, work: (connection: BorgConnection) => Promise<T>): Promise<T> {
    const base: BorgConnection = { location: settings.location.location, passphrase: settings.passphrase };
    if (!settings.location.remote) return work(base);

    const ssh = {
      knownHostsFile: this.sshKeys.knownHostsFile,
      strictHostKeyChecking: settings.hostKeyPolicy === 'strict' ? ('yes' as const) : ('accept-new' as const),
    };
    if (settings.sshKeySource === 'custom' && settings.sshPrivateKey) {
      return this.sshKeys.withPrivateKeyFile(settings.sshPrivateKey, (identityFile) => work({ ...base, ssh: { ...ssh, identityFile } }));
    }
    return work({ ...base, ssh: { ...ssh, identityFile: await this.sshKeys.serverKeyFile() } });
  }
}
