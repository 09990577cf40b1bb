import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { HostEntity } from '../hosts/host.entity';
import { CheckPolicyEntity } from './checks/check-policy.entity';
import { ScheduleHook } from './hooks/schedule-hook';
import { PruningPolicyEntity } from './pruning/pruning-policy.entity';

/**
 * A backup that runs itself: when (cron in a time zone), what (sources, archive name, compression, excludes), and
 * what follows (prune, check, cloud sync) between pre- and post-hooks. repository_id has no foreign key: the
 * repositories module owns that table; a removed repository takes its schedules with it through RepositoryRemovals.
 * host_id does have one: a host is never deleted from under its schedules (HostsService refuses first, the key
 * backs it), since a schedule that silently became a local backup would back up other files.
 */
@Entity('schedules')
@Index('idx_schedules_created', ['createdAt', 'id'])
export class ScheduleEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100, unique: true })
  name!: string;

  @Index('idx_schedules_repository_id')
  @Column({ name: 'repository_id', type: 'integer' })
  repositoryId!: number;

  @Column({ name: 'source_paths', type: 'simple-json' })
  sourcePaths!: string[];

  /** borg's placeholders ({now}, {hostname}) are expanded by borg at each run. */
  @Column({ name: 'archive_name', type: 'varchar', length: 200 })
  archiveName!: string;

  @Column({ type: 'varchar', length: 32 })
  compression!: string;

  @Column({ name: 'exclude_patterns', type: 'simple-json' })
  excludePatterns!: string[];

  @Column({ name: 'one_file_system', type: 'boolean', default: false })
  oneFileSystem!: boolean;

  @Column({ name: 'cron_expression', type: 'varchar', length: 200 })
  cronExpression!: string;

  /** IANA name. */
  @Column({ type: 'varchar', length: 64 })
  timezone!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  /**
   * Set when Borgitory disabled the schedule because its timer could not be set (an expression that never fires, left
   * by an older version or a hand edit); cleared when the schedule is saved or switched on again.
   */
  @Column({ name: 'disabled_reason', type: 'varchar', length: 500, nullable: true })
  disabledReason!: string | null;

  @Column({ name: 'pruning_policy_id', type: 'integer', nullable: true })
  pruningPolicyId!: number | null;

  @ManyToOne(() => PruningPolicyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pruning_policy_id' })
  pruningPolicy?: PruningPolicyEntity | null;

  @Column({ name: 'check_policy_id', type: 'integer', nullable: true })
  checkPolicyId!: number | null;

  @ManyToOne(() => CheckPolicyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'check_policy_id' })
  checkPolicy?: CheckPolicyEntity | null;

  @Column({ name: 'cloud_sync_config_id', type: 'integer', nullable: true })
  cloudSyncConfigId!: number | null;

  /** Back up this host in pull mode (its paths, its files); null: this server. */
  @Column({ name: 'host_id', type: 'integer', nullable: true })
  hostId!: number | null;

  @ManyToOne(() => HostEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'host_id', foreignKeyConstraintName: 'FK_schedules_host' })
  host?: HostEntity | null;

  @Column({ name: 'pre_hooks', type: 'simple-json' })
  preHooks!: ScheduleHook[];

  @Column({ name: 'post_hooks', type: 'simple-json' })
  postHooks!: ScheduleHook[];

  /** At start-up, run once if a run came due while the server was down. */
  @Column({ name: 'catch_up', type: 'boolean', default: false })
  catchUp!: boolean;

  /**
   * Runs due up to this time are accounted for: they ran, were skipped, or fell while the schedule was disabled or
   * had other times. At start-up a run due after it (and before now) was missed.
   */
  @Column({ name: 'handled_until', type: 'datetime' })
  handledUntil!: Date;

  /**
   * When the schedule was created, switched on, or given other times: only runs due after it say that an archive is
   * expected (the repository monitor). Set on every row (the migration took updated_at for older ones); nullable only
   * because SQLite adds no NOT NULL column without a default.
   */
  @Column({ name: 'active_since', type: 'datetime', nullable: true })
  activeSince!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
