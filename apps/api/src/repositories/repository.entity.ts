import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type SshKeySource = 'server' | 'custom';
export type HostKeyPolicy = 'accept-new' | 'strict';

@Entity('repositories')
@Index('idx_repositories_created', ['createdAt', 'id'])
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

  /** An archive is expected at least this often (hours); null: only the schedules say what is expected. */
  @Column({ name: 'max_age_hours', type: 'integer', nullable: true })
  maxAgeHours!: number | null;

  /** The start of the newest archive in the stored archive list (archives), kept here by the archive catalog. */
  @Column({ name: 'newest_archive_at', type: 'datetime', nullable: true })
  newestArchiveAt!: Date | null;

  /**
   * The state the repository monitor found at its last check (monitoring/): when the unmet expectation was due (null
   * while none is), by when a newer archive is expected, and that expectation in words.
   */
  @Column({ name: 'overdue_since', type: 'datetime', nullable: true })
  overdueSince!: Date | null;

  @Column({ name: 'archive_expected_by', type: 'datetime', nullable: true })
  archiveExpectedBy!: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  expectation!: string | null;

  /** Since when reading its archive list fails; null while it can be read. */
  @Column({ name: 'unreachable_since', type: 'datetime', nullable: true })
  unreachableSince!: Date | null;

  /** Since when the file system holding it (local repositories) is below the low-space threshold. */
  @Column({ name: 'low_space_since', type: 'datetime', nullable: true })
  lowSpaceSince!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
