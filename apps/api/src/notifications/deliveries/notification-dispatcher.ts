import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { BorgitoryEvent } from '../../platform/events/borgitory-event';
import { EventName } from '../../platform/events/event-names';
import { EventStream } from '../../platform/events/event-stream';
import { NotificationChannelEntity } from '../channels/notification-channel.entity';
import { NotificationChannelsService } from '../channels/notification-channels.service';
import { DeliveryStore } from './delivery-store';
import { DeliveryWorker } from './delivery-worker';

/** Events that repeat while a problem lasts; the others happen once per occurrence (a backup, a recovery). */
const THROTTLED: ReadonlySet<EventName> = new Set<EventName>([
  'backup.failed',
  'backup.warning',
  'job.failed',
  'check.failed',
  'prune.failed',
  'cloud_sync.failed',
  'schedule.skipped',
  'repository.unreachable',
  'repository.low_space',
]);

/**
 * Turns each published event into one stored delivery per subscribed channel, then lets the worker send them; never
 * on the publisher's path. A failure like one the channel got within its throttle window is stored as suppressed.
 */
@Injectable()
export class NotificationDispatcher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
  private unsubscribe: (() => void) | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly events: EventStream,
    private readonly channels: NotificationChannelsService,
    private readonly store: DeliveryStore,
    private readonly worker: DeliveryWorker,
  ) {}

  onModuleInit(): void {
    // One event at a time, in order, so that the throttle sees the delivery stored for the one before.
    this.unsubscribe = this.events.subscribe((event) => {
      this.queue = this.queue.then(() =>
        this.dispatch(event).catch((error: unknown) =>
          this.logger.error(
            { err: error, event: event.event, event_id: event.id },
            `The ${event.event} event could not be stored for delivery`,
          ),
        ),
      );
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    await this.queue;
  }

  private async dispatch(event: BorgitoryEvent): Promise<void> {
    const channels = await this.channels.subscribers(event.event, event.data.repository?.id ?? null);
    for (const channel of channels) await this.store.create(await this.deliveryFor(channel, event));
    if (channels.length > 0) this.worker.kick();
  }

  private async deliveryFor(channel: NotificationChannelEntity, event: BorgitoryEvent) {
    const throttleKey = THROTTLED.has(event.event) ? throttleKeyOf(event) : null;
    if (throttleKey && channel.throttleMinutes > 0) {
      const since = new Date(Date.parse(event.occurred_at) - channel.throttleMinutes * 60_000);
      const earlier = await this.store.lastSentLike(channel.id, throttleKey, since);
      if (earlier) {
        const reason = `Like delivery ${earlier.id} of ${earlier.createdAt.toISOString()}: this channel gets the same failure at most once in ${channel.throttleMinutes} minutes`;
        return { channelId: channel.id, payload: event, throttleKey, status: 'suppressed' as const, reason };
      }
    }
    return { channelId: channel.id, payload: event, throttleKey, status: 'pending' as const };
  }
}

/** Two failures are "the same" when event, repository, schedule and error code are. */
function throttleKeyOf(event: BorgitoryEvent): string {
  const { repository, schedule, error } = event.data;
  return [event.event, repository?.id ?? '-', schedule?.id ?? '-', error?.code ?? '-'].join('|');
}
