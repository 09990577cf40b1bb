import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One try at sending a delivery: what the receiver answered. */
@Entity('notification_attempts')
@Index('idx_attempts_delivery', ['deliveryId', 'id'])
export class NotificationAttemptEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'delivery_id', type: 'integer' })
  deliveryId!: number;

  @Column({ name: 'attempted_at', type: 'datetime' })
  attemptedAt!: Date;

  @Column({ type: 'boolean' })
  ok!: boolean;

  /** A webhook receiver's HTTP status; null for Apprise, or when no answer came. */
  @Column({ name: 'http_status', type: 'integer', nullable: true })
  httpStatus!: number | null;

  /** What went wrong in words (Apprise's reason, a timeout, a refused connection); null when it worked. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;
}
