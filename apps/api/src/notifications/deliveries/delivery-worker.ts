import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppriseRunner } from '@borgitory/apprise-runner';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { ChannelWithSecrets, NotificationChannelsService } from '../channels/notification-channels.service';
import { ChannelType } from '../channels/notification-channel.entity';
import { AppriseSender } from '../senders/apprise-sender';
import { ChannelSender, SendOutcome } from '../senders/channel-sender';
import { WebhookSender } from '../senders/webhook-sender';
import { DeliveryStore } from './delivery-store';
import { NotificationDeliveryEntity } from './notification-delivery.entity';

/** Attempts per round: the first right away, the next after the retry wait, then four and sixteen times as long. */
export const MAX_ATTEMPTS = 4;
const PARALLEL_SENDS = 4;
/** A timer never waits longer than this, so that a clock that jumps cannot leave a delivery waiting for long. */
const MAX_TIMER_MS = 60_000;

/**
 * Sends stored deliveries, a few at a time, and retries failures with backoff. Deliveries are stored before their
 * first attempt, and a delivery interrupted by a stop stays pending: at the next start it is sent (again).
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly sending = new Set<number>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly stop = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private pumping: Promise<void> | null = null;
  private again = false;
  private readonly senders: Record<ChannelType, ChannelSender>;

  constructor(
    private readonly store: DeliveryStore,
    private readonly channels: NotificationChannelsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly apprise: AppriseRunner,
    appriseSender: AppriseSender,
    webhook: WebhookSender,
  ) {
    this.senders = { apprise: appriseSender, webhook };
  }

  async onApplicationBootstrap(): Promise<void> {
    // Files of Apprise calls cut short by a crash hold URLs with their tokens; nothing is being sent yet.
    const removed = await this.apprise.removeLeftovers();
    if (removed > 0) this.logger.warn(`Removed ${removed} files left by Apprise calls that a crash cut short`);
    this.kick();
  }

  /** Sends under way are stopped (and stay pending, to be sent at the next start); their files are removed first. */
  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    clearTimeout(this.timer);
    await this.pumping;
    await Promise.allSettled(this.inFlight);
  }

  /** Looks for deliveries that are due; cheap to call often. */
  kick(): void {
    if (this.stop.signal.aborted) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump()
      .catch((error: unknown) => this.logger.error({ err: error }, 'Sending notifications failed; trying again in a minute'))
      .finally(() => {
        this.pumping = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Sends one delivery now, once, without retries (a channel's test); the outcome is also in the log. */
  async sendOnce(target: ChannelWithSecrets, delivery: NotificationDeliveryEntity): Promise<SendOutcome> {
    this.sending.add(delivery.id);
    try {
      return await this.track(this.attempt(target, delivery, false));
    } finally {
      this.sending.delete(delivery.id);
    }
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  private async pump(): Promise<void> {
    const free = PARALLEL_SENDS - this.sending.size;
    if (free > 0) {
      const due = await this.store.due(new Date(), free, [...this.sending]);
      for (const delivery of due) {
        this.sending.add(delivery.id);
        this.track(
          this.deliver(delivery).finally(() => {
            this.sending.delete(delivery.id);
            this.kick();
          }),
        );
      }
    }
    await this.scheduleNext();
  }

  private async scheduleNext(): Promise<void> {
    clearTimeout(this.timer);
    const next = await this.store.nextDueAt();
    if (!next || this.stop.signal.aborted) return;
    const wait = Math.min(Math.max(next.getTime() - Date.now(), 0), MAX_TIMER_MS);
    // While every slot is busy, the end of a send kicks the next one.
    if (wait === 0 && this.sending.size >= PARALLEL_SENDS) return;
    this.timer = setTimeout(() => this.kick(), wait);
    this.timer.unref();
  }

  private async deliver(delivery: NotificationDeliveryEntity): Promise<void> {
    try {
      const target = await this.channels.withSecrets(delivery.channelId);
      if (!target) return await this.store.update(delivery, { status: 'failed', nextAttemptAt: null, reason: 'The channel was deleted' });
      if (!target.channel.enabled)
        return await this.store.update(delivery, { status: 'failed', nextAttemptAt: null, reason: 'The channel was disabled' });
      await this.attempt(target, delivery, true);
    } catch (error) {
      if (this.stop.signal.aborted) return;
      this.logger.error({ err: error, delivery_id: delivery.id }, `Delivery ${delivery.id} could not be attempted`);
    }
  }

  private async attempt(target: ChannelWithSecrets, delivery: NotificationDeliveryEntity, retry: boolean): Promise<SendOutcome> {
    const attemptedAt = new Date();
    const started = performance.now();
    const outcome = await this.senders[target.channel.type].send(target, delivery, this.stop.signal);
    const attempts = delivery.attempts + 1;
    const record = { attemptedAt, ...outcome, durationMs: Math.round(performance.now() - started) };
    if (outcome.ok) {
      await this.store.recordAttempt(delivery, record, {
        status: 'delivered',
        attempts,
        nextAttemptAt: null,
        deliveredAt: new Date(),
        reason: null,
      });
    } else if (retry && attempts < MAX_ATTEMPTS) {
      const waitMs = this.config.notificationRetrySeconds * 1000 * 4 ** (attempts - 1);
      await this.store.recordAttempt(delivery, record, { attempts, nextAttemptAt: new Date(Date.now() + waitMs), reason: outcome.reason });
    } else {
      await this.store.recordAttempt(delivery, record, { status: 'failed', attempts, nextAttemptAt: null, reason: outcome.reason });
      this.logger.warn(
        { delivery_id: delivery.id, channel_id: delivery.channelId, event: delivery.event },
        `A ${delivery.event} notification to "${target.channel.name}" failed ${attempts === 1 ? 'once' : `${attempts} times`}: ${outcome.reason}`,
      );
    }
    return outcome;
  }
}
