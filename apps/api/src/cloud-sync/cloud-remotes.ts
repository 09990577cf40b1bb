import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { RcloneRunner, RcloneTarget } from '@borgitory/rclone-runner';
import { RefusedDestinationError } from '@borgitory/remote-host';
import { APP_CONFIG, AppConfig } from '../platform/config/app-config';
import { DomainError } from '../platform/errors/domain-error';
import { ErrorCode } from '../platform/errors/error-code';
import { CloudSyncConfigEntity } from './cloud-sync-config.entity';
import { CloudSyncConfigsService } from './cloud-sync-configs.service';
import { HostKeyScanner } from './host-key-scanner';
import { joinPath } from './providers/provider';
import { PROVIDERS } from './providers';
import { ServerFiles } from '../platform/files/server-files';

export interface ResolvedTarget {
  target: RcloneTarget;
  /** The configuration's folder on the remote, which holds one folder per repository. */
  basePath: string;
  /** "target:bucket/prefix/folder", for messages. */
  display: string;
  /** Set when this call stored an SFTP host key seen for the first time. */
  hostKeyLearned: string | null;
}

/**
 * Turns a configuration into the rclone remote and path of one repository's copy (or of the configuration's base
 * folder, for a connection test). Passwords are obscured for rclone; an SFTP host key is written to a known_hosts
 * file of the configuration's own, learned at the first connection when none was given.
 */
@Injectable()
export class CloudRemotes {
  private readonly logger = new Logger('CloudSync');
  private readonly dir: string;

  constructor(
    @Inject(APP_CONFIG) appConfig: AppConfig,
    private readonly configs: CloudSyncConfigsService,
    private readonly rclone: RcloneRunner,
    private readonly scanner: HostKeyScanner,
    private readonly files: ServerFiles,
  ) {
    this.dir = join(appConfig.dataDir, 'cloud-sync');
  }

  async resolve(configId: number, folder: string | null): Promise<{ config: CloudSyncConfigEntity } & ResolvedTarget> {
    const found = await this.configs.withSecrets(configId);
    if (!found) throw DomainError.notFound(`Cloud sync configuration ${configId} does not exist`);
    const { config, secrets } = found;
    const hostKeyLearned = config.provider === 'sftp' && !config.settings['host_key'] ? await this.learnHostKey(config) : null;
    const { remote, basePath } = await PROVIDERS[config.provider].remote({ ...config.settings, ...secrets }, config.pathPrefix, {
      obscure: (secret) => this.rclone.obscure(secret),
      knownHostsFile: (lines) => this.writeKnownHosts(config.id, lines),
    });
    const path = folder ? joinPath(basePath, folder) : basePath;
    return { config, target: { remote, path }, basePath, display: `${config.name}: ${path || '/'}`, hostKeyLearned };
  }

  private async learnHostKey(config: CloudSyncConfigEntity): Promise<string> {
    const host = String(config.settings['host']);
    const port = Number(config.settings['port'] ?? 22);
    let keys: string[];
    try {
      keys = await this.scanner.scan(host, port);
    } catch (error) {
      if (error instanceof RefusedDestinationError) {
        throw DomainError.validation(`Invalid stored setting: provider_config.${error.problem.part}`, {
          [`provider_config.${error.problem.part}`]: [error.message],
        });
      }
      throw new DomainError(ErrorCode.SSH_CONNECTION_FAILED, `Could not read the host key of ${host}:${port}: ${(error as Error).message}`);
    }
    const hostKey = keys.join('\n');
    await this.configs.learnHostKey(config, hostKey);
    this.logger.log(
      { cloud_sync_config_id: config.id },
      `Stored the host key of ${host}:${port} at the first connection: ${keys.map((key) => key.split(' ')[0]).join(', ')}`,
    );
    return hostKey;
  }

  private async writeKnownHosts(configId: number, lines: string[]): Promise<string> {
    const path = join(this.dir, `known_hosts-${configId}`);
    await this.files.writePrivate(path, lines.join('\n') + '\n');
    return path;
  }
}
