import type { AnyStepParameters, AnyStepResult } from '../contract/job-contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { JobStepStatus, JobStepType } from '@borgitory/job-states';
import { JobEntity } from './job.entity';

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
  type!: JobStepType;

  @Column({ type: 'varchar', length: 16 })
  status!: JobStepStatus;

  /** What this step is given; null: the job's parameters. Never secrets. */
  @Column({ type: 'simple-json', nullable: true })
  parameters!: AnyStepParameters | null;

  /** Runs even after an earlier step failed or the job was cancelled (a post-hook that puts things back). */
  @Column({ name: 'run_on_failure', type: 'boolean', default: false })
  runOnFailure!: boolean;

  @Column({ name: 'started_at', type: 'datetime', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'datetime', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'simple-json', nullable: true })
  result!: AnyStepResult | null;

  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;
}
