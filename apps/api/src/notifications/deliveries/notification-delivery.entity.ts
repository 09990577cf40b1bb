import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { BorgitoryEvent } from '../../platform/events/borgitory-event';

/** The test event of POST /channels/{id}/test goes through the same log. */
export type DeliveryEventName = BorgitoryEvent['event'] | 'test';

/** The event as it was published (a test event looks the same). */
export type DeliveryPayload = Omit<BorgitoryEvent, 'event'> & { event: DeliveryEventName };

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'suppressed'] as const;
/** pending: stored, not yet sent or waiting for its next attempt; suppressed: throttled, never sent. */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One event for one channel, stored before it is first attempted so that a restart never loses it.
 * channel_id has no foreign key: the log outlives a deleted channel.
 */
@Entity('notification_deliveries')
@Index('idx_deliveries_list', ['createdAt', 'id'])
@Index('idx_deliveries_channel', ['channelId', 'createdAt', 'id'])
@Index('idx_deliveries_status', ['status', 'createdAt', 'id'])
@Index('idx_deliveries_event', ['event', 'createdAt', 'id'])
@Index('idx_deliveries_due', ['status', 'nextAttemptAt'])
@Index('idx_deliveries_throttle', ['channelId', 'throttleKey', 'createdAt'])
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Sent as the webhook body's `id` and X-Borgitory-Delivery, the same on every attempt. */
  @Column({ type: 'varchar', length: 36, unique: true })
  uuid!: string;

  @Column({ name: 'channel_id', type: 'integer' })
  channelId!: number;

  @Column({ type: 'varchar', length: 32 })
  event!: DeliveryEventName;

  @Column({ type: 'simple-json' })
  payload!: DeliveryPayload;

  @Column({ type: 'varchar', length: 16 })
  status!: DeliveryStatus;

  /** Attempts in the current round (a resend starts a new round). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'datetime', nullable: true })
  nextAttemptAt!: Date | null;

  /** Event, repository, schedule and error code: what makes two failures "the same" for throttling; null: never throttled. */
  @Column({ name: 'throttle_key', type: 'varchar', length: 200, nullable: true })
  throttleKey!: string | null;

  /** Why it was suppressed, or the last attempt's outcome in words. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'delivered_at', type: 'datetime', nullable: true })
  deliveredAt!: Date | null;
}
