import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../platform/errors/domain-error';
import { EVENT_DESCRIPTIONS, EVENT_NAMES } from '../platform/events/event-names';
import { Page } from '../platform/http/envelope';
import { APPRISE_SERVICES } from './channels/apprise-services';
import { NotificationChannelsService } from './channels/notification-channels.service';
import { DeliveryStore } from './deliveries/delivery-store';
import { DeliveryWorker } from './deliveries/delivery-worker';
import { NotificationCatalogDto, NotificationServiceDto } from './dto/notification-catalog.dto';
import { ChannelTestResultDto, DeliveryQueryDto, NotificationDeliveryDto } from './dto/notification-delivery.dto';
import { DEFAULT_BODY, DEFAULT_TITLE, PLACEHOLDERS } from './messages/message-template';

/** What the notifications API does besides channel CRUD: the catalog, tests, the delivery log and resends. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly channels: NotificationChannelsService,
    private readonly store: DeliveryStore,
    private readonly worker: DeliveryWorker,
  ) {}

  catalog(): NotificationCatalogDto {
    return {
      events: EVENT_NAMES.map((name) => ({ name, description: EVENT_DESCRIPTIONS[name] })),
      placeholders: Object.entries(PLACEHOLDERS).map(([name, description]) => ({ name, description })),
      default_title: DEFAULT_TITLE,
      default_body: DEFAULT_BODY,
    };
  }

  services(): NotificationServiceDto[] {
    return APPRISE_SERVICES;
  }

  /** Sends a test event now, once; a failure is in the answer (and in the log), not an error. */
  async test(channelId: number): Promise<ChannelTestResultDto> {
    const target = await this.channels.withSecrets(channelId);
    if (!target) throw DomainError.notFound(`Notification channel ${channelId} does not exist`);
    const { channel } = target;
    const delivery = await this.store.create({
      channelId,
      status: 'pending',
      queued: false,
      throttleKey: null,
      payload: {
        id: randomUUID(),
        event: 'test',
        occurred_at: new Date().toISOString(),
        data: {
          summary: `A test message from Borgitory to the channel "${channel.name}"`,
          repository: null,
          schedule: null,
          job: null,
          error: null,
          figures: {},
        },
      },
    });
    const outcome = await this.worker.sendOnce(target, delivery);
    const [dto] = await this.store.toDtos([delivery], (ids) => this.channels.names(ids));
    return { delivered: outcome.ok, http_status: outcome.httpStatus, reason: outcome.reason, delivery: dto };
  }

  deliveries(query: DeliveryQueryDto): Promise<Page<NotificationDeliveryDto>> {
    return this.store.list(query, (ids) => this.channels.names(ids));
  }

  /** A failed or suppressed delivery is queued again with a fresh round of attempts; its earlier attempts stay in the log. */
  async resend(id: number): Promise<NotificationDeliveryDto> {
    const delivery = await this.store.get(id);
    if (delivery.status !== 'failed' && delivery.status !== 'suppressed') {
      throw DomainError.conflict(`Delivery ${id} is ${delivery.status}; only failed or suppressed deliveries can be sent again`);
    }
    if (!(await this.channels.withSecrets(delivery.channelId))) {
      throw DomainError.conflict(`The channel of delivery ${id} was deleted`);
    }
    await this.store.update(delivery, { status: 'pending', attempts: 0, nextAttemptAt: new Date(), reason: null });
    this.worker.kick();
    const [dto] = await this.store.toDtos([delivery], (ids) => this.channels.names(ids));
    return dto;
  }
}
