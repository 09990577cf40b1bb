import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type SshKeySource = 'server' | 'custom';
export type HostKeyPolicy = 'accept-new' | 'strict';

@Entity('repositories')
export class RepositoryEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100, unique: true })
  name!: string;

  /** Where borg finds it: a local path or an ssh location. */
  @Column({ type: 'varchar', length: 1024, unique: true })
  path!: string;

  @Column({ type: 'varchar', length: 32 })
  encryption!: string;

  /** AES-GCM sealed by SecretsService; null for unencrypted repositories. */
  @Column({ name: 'passphrase_secret', type: 'text', nullable: true })
  passphraseSecret!: string | null;

  /** For ssh locations: the server's own key, or a private key the user gave (sealed below). */
  @Column({ name: 'ssh_key_source', type: 'varchar', length: 16, nullable: true })
  sshKeySource!: SshKeySource | null;

  @Column({ name: 'ssh_private_key_secret', type: 'text', nullable: true })
  sshPrivateKeySecret!: string | null;

  @Column({ name: 'ssh_host_key_policy', type: 'varchar', length: 16, default: 'accept-new' })
  sshHostKeyPolicy!: HostKeyPolicy;

  /** Figures from the last borg info/list, so that listing repositories never runs borg. */
  @Column({ name: 'archives_count', type: 'integer', nullable: true })
  archivesCount!: number | null;

  @Column({ name: 'original_size', type: 'integer', nullable: true })
  originalSize!: number | null;

  @Column({ name: 'compressed_size', type: 'integer', nullable: true })
  compressedSize!: number | null;

  @Column({ name: 'deduplicated_size', type: 'integer', nullable: true })
  deduplicatedSize!: number | null;

  @Column({ name: 'last_archive_at', type: 'datetime', nullable: true })
  lastArchiveAt!: Date | null;

  @Column({ name: 'stats_updated_at', type: 'datetime', nullable: true })
  statsUpdatedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
