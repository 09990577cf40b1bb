import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { saveNamed } from '../../platform/database/save-unique';
import { DomainError } from '../../platform/errors/domain-error';
import { EventName } from '../../platform/events/event-names';
import { Page } from '../../platform/http/envelope';
import { PageQueryDto } from '../../platform/http/page-query.dto';
import { mergeUpdate } from '../../platform/http/partial-update';
import { SecretsService } from '../../platform/secrets/secrets.service';
import { missingRepository, RepositoryPreconditions } from '../../repositories/repository-preconditions';
import { NotificationChannelDto, NotificationChannelInputDto, NotificationChannelUpdateDto } from '../dto/notification-channel.dto';
import { unknownPlaceholders } from '../messages/message-template';
import { checkChannelConfig } from './channel-config';
import { NotificationChannelEntity } from './notification-channel.entity';

const CHANNEL_SECRETS = 'notifications.secrets';

/** A channel with its secrets in the clear, for a delivery that runs now. */
export interface ChannelWithSecrets {
  channel: NotificationChannelEntity;
  secrets: Record<string, string>;
}

@Injectable()
export class NotificationChannelsService {
  constructor(
    @InjectRepository(NotificationChannelEntity) private readonly channels: Repository<NotificationChannelEntity>,
    private readonly secrets: SecretsService,
    private readonly repositories: RepositoryPreconditions,
  ) {}

  async list(query: PageQueryDto): Promise<Page<NotificationChannelDto>> {
    const [rows, total] = await this.channels.findAndCount({ order: { name: 'ASC', id: 'ASC' }, take: query.limit, skip: query.offset });
    return new Page(
      rows.map((row) => toChannelDto(row, this.secretNames(row))),
      { total, limit: query.limit, offset: query.offset },
    );
  }

  async get(id: number): Promise<NotificationChannelDto> {
    const channel = await this.find(id);
    return toChannelDto(channel, this.secretNames(channel));
  }

  async create(input: NotificationChannelInputDto): Promise<NotificationChannelDto> {
    const channel = await this.save(this.channels.create(await this.columns(input, {})));
    return toChannelDto(channel, this.secretNames(channel));
  }

  async update(id: number, changes: NotificationChannelUpdateDto): Promise<NotificationChannelDto> {
    const channel = await this.find(id);
    const input = await mergeUpdate(NotificationChannelInputDto, toChannelDto(channel, this.secretNames(channel)), changes);
    // Stored secrets carry over only while the type stays the same.
    const stored = input.type === channel.type ? this.secretsOf(channel) : {};
    const saved = await this.save(Object.assign(channel, await this.columns(input, stored)));
    return toChannelDto(saved, this.secretNames(saved));
  }

  /** The log of its deliveries stays. */
  async remove(id: number): Promise<void> {
    await this.find(id);
    await this.channels.delete({ id });
  }

  async find(id: number): Promise<NotificationChannelEntity> {
    const channel = await this.channels.findOneBy({ id });
    if (!channel) throw DomainError.notFound(`Notification channel ${id} does not exist`);
    return channel;
  }

  async withSecrets(id: number): Promise<ChannelWithSecrets | null> {
    const channel = await this.channels.findOneBy({ id });
    return channel ? { channel, secrets: this.secretsOf(channel) } : null;
  }

  /** Enabled channels that subscribe to this event about this repository (events about none go to channels for all). */
  async subscribers(event: EventName, repositoryId: number | null): Promise<NotificationChannelEntity[]> {
    const enabled = await this.channels.findBy({ enabled: true });
    return enabled.filter(
      (channel) =>
        channel.events.includes(event) &&
        (channel.repositoryIds === null || (repositoryId !== null && channel.repositoryIds.includes(repositoryId))),
    );
  }

  async names(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.channels.createQueryBuilder('c').select(['c.id', 'c.name']).whereInIds(ids).getMany();
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  private async columns(
    input: NotificationChannelInputDto,
    storedSecrets: Record<string, string>,
  ): Promise<Partial<NotificationChannelEntity>> {
    const checked = checkChannelConfig(input.type, input.config, storedSecrets);
    const problems = checked.problems;
    const say = (field: string, message: string) => (problems[field] ??= []).push(message);
    for (const [part, template] of Object.entries(input.template ?? {})) {
      const unknown = typeof template === 'string' ? unknownPlaceholders(template) : [];
      if (unknown.length > 0) say(`template.${part}`, `Unknown placeholders: ${unknown.map((name) => `{${name}}`).join(', ')}`);
    }
    for (const id of input.repository_ids ?? []) {
      if (!(await this.repositories.exists(id))) say('repository_ids', missingRepository(id));
    }
    if (Object.keys(problems).length > 0) {
      throw DomainError.invalidInput(problems);
    }
    return {
      name: input.name,
      type: input.type,
      settings: checked.settings,
      secretsSealed: this.secrets.encrypt(JSON.stringify(checked.secrets), CHANNEL_SECRETS),
      target: checked.target,
      events: input.events,
      repositoryIds: input.repository_ids ?? null,
      enabled: input.enabled ?? true,
      titleTemplate: input.template?.title || null,
      bodyTemplate: input.template?.body || null,
      throttleMinutes: input.throttle_minutes ?? 60,
    };
  }

  private secretsOf(channel: NotificationChannelEntity): Record<string, string> {
    return JSON.parse(this.secrets.decrypt(channel.secretsSealed, CHANNEL_SECRETS)) as Record<string, string>;
  }

  private secretNames(channel: NotificationChannelEntity): string[] {
    return Object.keys(this.secretsOf(channel)).sort();
  }

  private save(channel: NotificationChannelEntity): Promise<NotificationChannelEntity> {
    return saveNamed(this.channels, channel, 'notification channel');
  }
}

function toChannelDto(channel: NotificationChannelEntity, secretsSet: string[]): NotificationChannelDto {
  return {
    id: channel.id,
    name: channel.name,
    type: channel.type,
    config: channel.settings,
    secrets_set: secretsSet,
    target: channel.target,
    events: channel.events,
    repository_ids: channel.repositoryIds,
    enabled: channel.enabled,
    template: { title: channel.titleTemplate, body: channel.bodyTemplate },
    throttle_minutes: channel.throttleMinutes,
    created_at: channel.createdAt.toISOString(),
    updated_at: channel.updatedAt.toISOString(),
  };
}
