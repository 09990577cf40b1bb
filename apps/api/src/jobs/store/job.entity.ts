import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AnyStepParameters, AnyStepResult } from '../contract/job-contracts';
import type { JobProgressDto } from '../dto/job.dto';
import { JobStatus, JobTrigger, JobType } from '@borgitory/job-states';

/**
 * One run of work on a repository. repository_id has no foreign key on
 * purpose: a repository can be deleted while its job history stays.
 * The indexes serve the lists (see job-list-query.ts); job_counts, kept by
 * triggers, counts the jobs by the same filters.
 */
@Entity('jobs')
@Index('idx_jobs_list', ['createdAt', 'id'])
@Index('idx_jobs_list_status', ['status', 'createdAt', 'id', 'type', 'repositoryId', 'scheduleId'])
@Index('idx_jobs_list_type', ['type', 'createdAt', 'id', 'status', 'repositoryId', 'scheduleId'])
@Index('idx_jobs_list_repository', ['repositoryId', 'createdAt', 'id', 'status', 'type', 'scheduleId'])
@Index('idx_jobs_list_schedule', ['scheduleId', 'createdAt', 'id', 'status', 'type', 'repositoryId'])
@Index('idx_jobs_host', ['hostId', 'createdAt', 'id', 'status', 'type'])
@Index('idx_jobs_started', ['startedAt', 'id'])
@Index('idx_jobs_finished', ['finishedAt', 'id'])
@Index('idx_jobs_unacknowledged', ['repositoryId', 'status'], { where: "acknowledged_at IS NULL AND status IN ('failed', 'warning')" })
export class JobEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  type!: JobType;

  @Column({ type: 'varchar', length: 16 })
  status!: JobStatus;

  @Column({ name: 'repository_id', type: 'integer', nullable: true })
  repositoryId!: number | null;

  /** As enqueued; never secrets. */
  @Column({ type: 'simple-json' })
  parameters!: AnyStepParameters;

  @Column({ type: 'varchar', length: 16 })
  trigger!: JobTrigger;

  /** The schedule this job is a run of (also its retries); no foreign key, like repository_id. */
  @Column({ name: 'schedule_id', type: 'integer', nullable: true })
  scheduleId!: number | null;

  /** The host a backup or restore ran on (pull mode; its parameters' host_id); null: this server. */
  @Column({ name: 'host_id', type: 'integer', nullable: true })
  hostId!: number | null;

  @Column({ name: 'retry_of_id', type: 'integer', nullable: true })
  retryOfId!: number | null;

  /** Set by the service (not a database default) so that it keeps milliseconds. */
  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'datetime', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'datetime', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'simple-json', nullable: true })
  progress!: JobProgressDto | null;

  @Column({ type: 'simple-json', nullable: true })
  result!: AnyStepResult | null;

  @Column({ type: 'simple-json' })
  warnings!: string[];

  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  @Column({ name: 'log_truncated', type: 'boolean', default: false })
  logTruncated!: boolean;

  /** When someone acknowledged a failed or warning job; until then it stays on the dashboard. */
  @Column({ name: 'acknowledged_at', type: 'datetime', nullable: true })
  acknowledgedAt!: Date | null;

  /** The process group of the borg (or rclone) child while a step runs, for crash recovery. */
  @Column({ name: 'process_group_id', type: 'integer', nullable: true })
  processGroupId!: number | null;
}
