import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { JobType } from './job-executor';
import { JobEntity } from './job.entity';
import { JobStepStatus } from './job-status';

/** A job runs its steps in order (a scheduled run: backup → prune → compact → check → sync). */
@Entity('job_steps')
@Index('idx_job_steps_job_position', ['jobId', 'position'], { unique: true })
export class JobStepEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'job_id', type: 'integer' })
  jobId!: number;

  @ManyToOne(() => JobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id' })
  job?: JobEntity;

  /** 1-based. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 32 })
  type!: JobType;

  @Column({ type: 'varchar', length: 16 })
  status!: JobStepStatus;

  @Column({ name: 'started_at', type: 'datetime', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'datetime', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'simple-json', nullable: true })
  result!: Record<string, unknown> | null;

  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;
}
