import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Which archives `borg prune` keeps. Every rule left null is not passed to borg. */
@Entity('pruning_policies')
@Index('idx_pruning_policies_created', ['createdAt', 'id'])
export class PruningPolicyEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100, unique: true })
  name!: string;

  @Column({ name: 'keep_within', type: 'varchar', length: 16, nullable: true })
  keepWithin!: string | null;

  @Column({ name: 'keep_last', type: 'integer', nullable: true })
  keepLast!: number | null;

  @Column({ name: 'keep_secondly', type: 'integer', nullable: true })
  keepSecondly!: number | null;

  @Column({ name: 'keep_minutely', type: 'integer', nullable: true })
  keepMinutely!: number | null;

  @Column({ name: 'keep_hourly', type: 'integer', nullable: true })
  keepHourly!: number | null;

  @Column({ name: 'keep_daily', type: 'integer', nullable: true })
  keepDaily!: number | null;

  @Column({ name: 'keep_weekly', type: 'integer', nullable: true })
  keepWeekly!: number | null;

  @Column({ name: 'keep_monthly', type: 'integer', nullable: true })
  keepMonthly!: number | null;

  @Column({ name: 'keep_yearly', type: 'integer', nullable: true })
  keepYearly!: number | null;

  /** borg's --glob-archives: only matching archives are considered, so schedules can share a repository. */
  @Column({ name: 'glob_archives', type: 'varchar', length: 255, nullable: true })
  globArchives!: string | null;

  @Column({ name: 'compact_after', type: 'boolean', default: false })
  compactAfter!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
