import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The archive list of a repository as last read from borg, so that listing does not start borg. Sizes come from
 * the backup that made the archive or from `borg info`; they stay null until one of those has been seen.
 */
@Entity('archives')
@Index('idx_archives_repository_name', ['repositoryId', 'name'], { unique: true })
@Index('idx_archives_repository_started', ['repositoryId', 'startedAt', 'id'])
@Index('idx_archives_repository_size', ['repositoryId', 'originalSize', 'id'])
export class ArchiveEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'repository_id', type: 'integer' })
  repositoryId!: number;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** borg's archive id (64 hex digits). */
  @Column({ name: 'borg_id', type: 'varchar', length: 64 })
  borgId!: string;

  @Column({ name: 'started_at', type: 'datetime' })
  startedAt!: Date;

  @Column({ name: 'ended_at', type: 'datetime', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  hostname!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  username!: string | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'command_line', type: 'simple-json', nullable: true })
  commandLine!: string[] | null;

  @Column({ name: 'file_count', type: 'integer', nullable: true })
  fileCount!: number | null;

  @Column({ name: 'original_size', type: 'integer', nullable: true })
  originalSize!: number | null;

  @Column({ name: 'compressed_size', type: 'integer', nullable: true })
  compressedSize!: number | null;

  /** Changes when other archives go: cleared whenever an archive of the repository is deleted. */
  @Column({ name: 'deduplicated_size', type: 'integer', nullable: true })
  deduplicatedSize!: number | null;

  /** The space the archive added: its deduplicated size when it was made, or when `borg info` first read it; kept when others go. */
  @Column({ name: 'added_size', type: 'integer', nullable: true })
  addedSize!: number | null;

  /** The sources and exclusions of the backup that made it here (backupSourcesKey); null for archives made elsewhere. */
  @Column({ name: 'backup_sources', type: 'text', nullable: true })
  backupSources!: string | null;

  @Column({ name: 'duration_seconds', type: 'float', nullable: true })
  durationSeconds!: number | null;

  /** When `borg info` of the archive was last stored here. */
  @Column({ name: 'info_loaded_at', type: 'datetime', nullable: true })
  infoLoadedAt!: Date | null;

  /** The archive's browse index (a file under <data>/archive-indexes), when one is ready. */
  @Column({ name: 'index_entries', type: 'integer', nullable: true })
  indexEntries!: number | null;

  @Column({ name: 'index_bytes', type: 'integer', nullable: true })
  indexBytes!: number | null;

  @Column({ name: 'index_used_at', type: 'datetime', nullable: true })
  indexUsedAt!: Date | null;
}
