import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const CHECK_SCOPES = ['full', 'repository_only', 'archives_only'] as const;
export type CheckScope = (typeof CHECK_SCOPES)[number];

/** What `borg check` verifies. */
@Entity('check_policies')
@Index('idx_check_policies_created', ['createdAt', 'id'])
export class CheckPolicyEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100, unique: true })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  scope!: CheckScope;

  @Column({ name: 'verify_data', type: 'boolean', default: false })
  verifyData!: boolean;

  /** Seconds; a partial repository check that resumes where the last one stopped. */
  @Column({ name: 'max_duration', type: 'integer', nullable: true })
  maxDuration!: number | null;

  @Column({ name: 'glob_archives', type: 'varchar', length: 255, nullable: true })
  globArchives!: string | null;

  @Column({ name: 'first_archives', type: 'integer', nullable: true })
  firstArchives!: number | null;

  @Column({ name: 'last_archives', type: 'integer', nullable: true })
  lastArchives!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
