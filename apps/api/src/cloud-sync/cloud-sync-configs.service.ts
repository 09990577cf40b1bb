import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { saveNamed } from '../platform/database/save-unique';
import { DomainError } from '../platform/errors/domain-error';
import { Page } from '../platform/http/envelope';
import { readListPage } from '../platform/filtering/apply-list-query';
import { CLOUD_SYNC_LIST, CloudSyncListQueryDto } from './dto/cloud-sync-list-query.dto';
import { mergeUpdate } from '../platform/http/partial-update';
import { SecretsService } from '../platform/secrets/secrets.service';
import { CloudSyncConfigEntity } from './cloud-sync-config.entity';
import { CloudSyncConfigUsers } from './cloud-sync-config-users';
import { CloudSyncConfigDto, CloudSyncConfigInputDto, CloudSyncConfigUpdateDto } from './dto/cloud-sync-config.dto';
import { checkProviderConfig } from './provider-config';
import { PROVIDERS } from './providers';

export const CLOUD_SECRETS = 'cloud-sync.secrets';

@Injectable()
export class CloudSyncConfigsService {
  constructor(
    @InjectRepository(CloudSyncConfigEntity) private readonly configs: Repository<CloudSyncConfigEntity>,
    private readonly secrets: SecretsService,
    private readonly users: CloudSyncConfigUsers,
  ) {}

  async list(query: CloudSyncListQueryDto): Promise<Page<CloudSyncConfigDto>> {
    const [rows, total] = await readListPage(this.configs.createQueryBuilder('config'), CLOUD_SYNC_LIST, query);
    return new Page(
      rows.map((row) => this.toDto(row)),
      { total, limit: query.limit, offset: query.offset },
    );
  }

  async get(id: number): Promise<CloudSyncConfigDto> {
    return this.toDto(await this.find(id));
  }

  async create(input: CloudSyncConfigInputDto): Promise<CloudSyncConfigDto> {
    return this.toDto(await this.save(this.configs.create(this.columns(input, {}))));
  }

  async update(id: number, changes: CloudSyncConfigUpdateDto): Promise<CloudSyncConfigDto> {
    const config = await this.find(id);
    const input = await mergeUpdate(CloudSyncConfigInputDto, this.toDto(config), changes);
    // Stored secrets carry over only while the provider stays the same.
    const stored = input.provider === config.provider ? this.secretsOf(config) : {};
    const columns = this.columns(input, stored);
    // A learned SFTP host key stays, unless the host, port or key itself changed.
    const learned = config.settings['host_key'];
    if (learned && input.provider === 'sftp' && !columns.settings?.['host_key'] && sameHost(config.settings, columns.settings ?? {})) {
      (columns.settings as Record<string, string | number | boolean>)['host_key'] = learned;
    }
    return this.toDto(await this.save(Object.assign(config, columns)));
  }

  async remove(id: number): Promise<void> {
    const config = await this.find(id);
    const users = await this.users.of(id);
    if (users.length > 0) {
      throw DomainError.conflict(`The cloud sync configuration "${config.name}" is used by ${users.join(', ')}; change them first`, {
        used_by: users,
      });
    }
    await this.configs.delete({ id });
  }

  /** The entity with its secrets in the clear, for a call that needs them now; null when there is none. */
  async withSecrets(id: number): Promise<{ config: CloudSyncConfigEntity; secrets: Record<string, string> } | null> {
    const config = await this.configs.findOneBy({ id });
    return config ? { config, secrets: this.secretsOf(config) } : null;
  }

  async exists(id: number): Promise<boolean> {
    return this.configs.existsBy({ id });
  }

  /** Stores the SFTP host key seen at a first connection. */
  async learnHostKey(config: CloudSyncConfigEntity, hostKey: string): Promise<void> {
    config.settings = { ...config.settings, host_key: hostKey };
    await this.configs.update({ id: config.id }, { settings: config.settings, updatedAt: config.updatedAt });
  }

  async recordSync(id: number, jobId: number, status: CloudSyncConfigEntity['lastSyncStatus']): Promise<void> {
    const config = await this.configs.findOneBy({ id });
    if (config)
      await this.configs.update(
        { id },
        { lastSyncJobId: jobId, lastSyncStatus: status, lastSyncAt: new Date(), updatedAt: config.updatedAt },
      );
  }

  async find(id: number): Promise<CloudSyncConfigEntity> {
    const config = await this.configs.findOneBy({ id });
    if (!config) throw DomainError.notFound(`Cloud sync configuration ${id} does not exist`);
    return config;
  }

  toDto(config: CloudSyncConfigEntity): CloudSyncConfigDto {
    return {
      id: config.id,
      name: config.name,
      provider: config.provider,
      provider_config: config.settings,
      secrets_set: Object.keys(this.secretsOf(config)).sort(),
      path_prefix: config.pathPrefix,
      mode: config.mode,
      bandwidth_limit: config.bandwidthLimit,
      last_sync:
        config.lastSyncJobId !== null && config.lastSyncStatus && config.lastSyncAt
          ? { job_id: config.lastSyncJobId, status: config.lastSyncStatus, finished_at: config.lastSyncAt.toISOString() }
          : null,
      created_at: config.createdAt.toISOString(),
      updated_at: config.updatedAt.toISOString(),
    };
  }

  private columns(input: CloudSyncConfigInputDto, storedSecrets: Record<string, string>): Partial<CloudSyncConfigEntity> {
    const checked = checkProviderConfig(PROVIDERS[input.provider], input.provider_config, storedSecrets);
    if (Object.keys(checked.problems).length > 0) {
      throw DomainError.invalidInput(checked.problems);
    }
    return {
      name: input.name,
      provider: input.provider,
      settings: checked.settings,
      secretsSealed: Object.keys(checked.secrets).length > 0 ? this.secrets.encrypt(JSON.stringify(checked.secrets), CLOUD_SECRETS) : null,
      pathPrefix: (input.path_prefix ?? '').replace(/(.)\/+$/, '$1'),
      mode: input.mode ?? 'copy',
      bandwidthLimit: input.bandwidth_limit ?? null,
    };
  }

  private secretsOf(config: CloudSyncConfigEntity): Record<string, string> {
    return config.secretsSealed ? (JSON.parse(this.secrets.decrypt(config.secretsSealed, CLOUD_SECRETS)) as Record<string, string>) : {};
  }

  private save(config: CloudSyncConfigEntity): Promise<CloudSyncConfigEntity> {
    return saveNamed(this.configs, config, 'cloud sync configuration');
  }
}

function sameHost(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  return before['host'] === after['host'] && (before['port'] ?? 22) === (after['port'] ?? 22);
}
