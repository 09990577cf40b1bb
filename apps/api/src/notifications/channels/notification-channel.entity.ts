import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EventName } from '../../platform/events/event-names';

export const CHANNEL_TYPES = ['apprise', 'webhook'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** Where events are sent. Secret parts (an Apprise URL, which holds tokens; a webhook's signing secret) are sealed in `secrets`. */
@Entity('notification_channels')
export class NotificationChannelEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100, unique: true })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: ChannelType;

  /** The config fields that are not secret (a webhook's URL). */
  @Column({ type: 'simple-json' })
  settings!: Record<string, string>;

  /** The secret config fields as one JSON object, AES-GCM sealed by SecretsService. */
  @Column({ name: 'secrets_sealed', type: 'text' })
  secretsSealed!: string;

  /** The secret URL with its secrets masked, for showing where deliveries go. */
  @Column({ type: 'varchar', length: 2048 })
  target!: string;

  @Column({ type: 'simple-json' })
  events!: EventName[];

  /** null: every repository. */
  @Column({ name: 'repository_ids', type: 'simple-json', nullable: true })
  repositoryIds!: number[] | null;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  /** null: the default title. */
  @Column({ name: 'title_template', type: 'varchar', length: 500, nullable: true })
  titleTemplate!: string | null;

  /** null: the default body. */
  @Column({ name: 'body_template', type: 'text', nullable: true })
  bodyTemplate!: string | null;

  /** A failure like one sent less than this long ago (same event, repository, schedule and error) is not sent again; 0: send all. */
  @Column({ name: 'throttle_minutes', type: 'integer', default: 60 })
  throttleMinutes!: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
