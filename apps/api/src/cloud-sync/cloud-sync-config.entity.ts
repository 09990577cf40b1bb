import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { JobStatus } from '@borgitory/job-states';
import type { ProviderName } from './providers/provider';

export const SYNC_MODES = ['sync', 'copy'] as const;
export type SyncMode = (typeof SYNC_MODES)[number];

/** Where and how repositories are copied off-site. Secret fields are sealed together in `secrets`, never shown. */
@Entity('cloud_sync_configs')
@Index('idx_cloud_sync_configs_created', ['createdAt', 'id'])
@Index('idx_cloud_sync_configs_provider', ['provider', 'name'])
export class CloudSyncConfigEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100, unique: true })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  provider!: ProviderName;

  /** The provider's fields that are not secret. */
  @Column({ type: 'simple-json' })
  settings!: Record<string, string | number | boolean>;

  /** The secret fields as one JSON object, AES-GCM sealed by SecretsService; null when there are none. */
  @Column({ name: 'secrets_sealed', type: 'text', nullable: true })
  secretsSealed!: string | null;

  /** Below the provider's place (bucket, folder); each repository gets its own folder under it. */
  @Column({ name: 'path_prefix', type: 'varchar', length: 1024, default: '' })
  pathPrefix!: string;

  @Column({ type: 'varchar', length: 8 })
  mode!: SyncMode;

  /** rclone's --bwlimit: "10M" is 10 MiB/s. */
  @Column({ name: 'bandwidth_limit', type: 'varchar', length: 32, nullable: true })
  bandwidthLimit!: string | null;

  @Column({ name: 'last_sync_job_id', type: 'integer', nullable: true })
  lastSyncJobId!: number | null;

  @Column({ name: 'last_sync_status', type: 'varchar', length: 16, nullable: true })
  lastSyncStatus!: JobStatus | null;

  @Column({ name: 'last_sync_at', type: 'datetime', nullable: true })
  lastSyncAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
