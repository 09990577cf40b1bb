import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, MoreThanOrEqual, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { StoredStepPlan } from '../engine/job-executor';
import { ACTIVE_STATUSES, FINISHED_STATUSES, JobStatus, JobTrigger, JobType } from '@borgitory/job-states';
import { AnyStepParameters } from '../contract/job-contracts';
import { JobRecord } from './job-dto.mapper';
import { JobFilter, jobCountQuery, jobPageQuery } from './job-list-query';

import { JobStepEntity } from './job-step.entity';
import { JobEntity } from './job.entity';
import { RowHydrator } from '../../platform/database/row-hydrator';
import { sqliteTime } from '../../platform/database/sqlite-time';

export interface NewJob {
  type: JobType;
  repositoryId: number | null;
  parameters: AnyStepParameters;
  trigger: JobTrigger;
  retryOfId: number | null;
  scheduleId: number | null;
  /** In order. */
  steps: StoredStepPlan[];
}

/** The failed and warning jobs nobody has acknowledged yet: the condition of idx_jobs_unacknowledged. */
const UNACKNOWLEDGED = "acknowledged_at IS NULL AND status IN ('failed', 'warning')";

export interface UnacknowledgedCounts {
  repositoryId: number;
  failed: number;
  warning: number;
  newestId: number;
}

export type JobPatch = Partial<Omit<JobEntity, 'id'>>;
export type StepPatch = Partial<Omit<JobStepEntity, 'id' | 'job'>>;

/** The jobs and job_steps tables. Patches go to the row and to the entity in hand, so both stay the same. */
@Injectable()
export class JobStore {
  private readonly jobRows: RowHydrator<JobEntity>;
  private readonly stepRows: RowHydrator<JobStepEntity>;

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(JobEntity) private readonly jobs: Repository<JobEntity>,
    @InjectRepository(JobStepEntity) private readonly steps: Repository<JobStepEntity>,
  ) {
    this.jobRows = new RowHydrator(jobs);
    this.stepRows = new RowHydrator(steps);
  }

  create(input: NewJob, now = new Date()): Promise<JobRecord> {
    return this.dataSource.transaction(async (manager) => {
      const job = await manager.save(
        manager.create(JobEntity, {
          type: input.type,
          status: 'queued',
          repositoryId: input.repositoryId,
          parameters: input.parameters,
          trigger: input.trigger,
          retryOfId: input.retryOfId,
          scheduleId: input.scheduleId,
          hostId: hostOf(input.parameters),
          createdAt: now,
          startedAt: null,
          finishedAt: null,
          progress: null,
          result: null,
          warnings: [],
          errorCode: null,
          errorMessage: null,
          logTruncated: false,
          processGroupId: null,
          acknowledgedAt: null,
        }),
      );
      const steps = await manager.save(
        input.steps.map((step, index) =>
          manager.create(JobStepEntity, {
            jobId: job.id,
            position: index + 1,
            type: step.type,
            status: 'pending',
            parameters: step.parameters ?? null,
            runOnFailure: step.runOnFailure ?? false,
            startedAt: null,
            finishedAt: null,
            result: null,
            errorCode: null,
            errorMessage: null,
          }),
        ),
      );
      return { job, steps };
    });
  }

  async find(id: number): Promise<JobRecord | null> {
    const job = await this.jobs.findOneBy({ id });
    if (!job) return null;
    return { job, steps: await this.steps.find({ where: { jobId: id }, order: { position: 'ASC' } }) };
  }

  /** One page of jobs, newest first unless sorted otherwise. */
  async page(filter: JobFilter, limit: number, offset: number): Promise<JobRecord[]> {
    const page = jobPageQuery(filter, limit, offset);
    const ids = ((await this.dataSource.query(page.sql, page.parameters)) as Array<{ id: number }>).map((row) => row.id);
    if (ids.length === 0) return [];
    const rows = await this.dataSource.query('SELECT * FROM jobs WHERE id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids)]);
    const byId = new Map(this.jobRows.hydrate(rows).map((job) => [job.id, job]));
    const jobs = ids.map((id) => byId.get(id)).filter((job): job is JobEntity => job !== undefined);
    return this.withSteps(jobs);
  }

  /** How many jobs match the filter. */
  async count(filter: JobFilter): Promise<number> {
    const count = jobCountQuery(filter);
    const [{ total }] = (await this.dataSource.query(count.sql, count.parameters)) as Array<{ total: number }>;
    return total;
  }

  /** Oldest first: the order they were enqueued in. */
  async withStatus(status: JobStatus): Promise<JobRecord[]> {
    return this.withSteps(await this.jobs.find({ where: { status }, order: { id: 'ASC' } }));
  }

  async countActive(repositoryId: number): Promise<number> {
    return this.jobs.countBy({ repositoryId, status: In([...ACTIVE_STATUSES]) });
  }

  /** When the repository's backups that failed or were interrupted since then were created (idx_jobs_list_repository covers it). */
  async backupFailuresSince(repositoryId: number, since: Date): Promise<Date[]> {
    const rows = await this.jobs.find({
      select: ['id', 'createdAt'],
      where: { repositoryId, createdAt: MoreThanOrEqual(since), type: 'backup', status: In(['failed', 'interrupted']) },
    });
    return rows.map((row) => row.createdAt);
  }

  /** The oldest queued or running job of a schedule, if any. */
  async activeOfSchedule(scheduleId: number): Promise<JobEntity | null> {
    return this.jobs.findOne({ where: { scheduleId, status: In([...ACTIVE_STATUSES]) }, order: { id: 'ASC' } });
  }

  /** The newest job of each schedule given (schedules without one are left out). */
  async latestOfSchedules(scheduleIds: number[]): Promise<JobEntity[]> {
    if (scheduleIds.length === 0) return [];
    const newest = this.jobs
      .createQueryBuilder('latest')
      .select('MAX(latest.id)')
      .where('latest.schedule_id IN (:...ids)', { ids: scheduleIds })
      .groupBy('latest.schedule_id');
    return this.jobs.createQueryBuilder('job').where(`job.id IN (${newest.getQuery()})`).setParameters(newest.getParameters()).getMany();
  }

  /** The newest job (in the lists' order) of each repository given, with its steps: two queries, one seek per repository. */
  async latestOfRepositories(repositoryIds: readonly number[]): Promise<JobRecord[]> {
    if (repositoryIds.length === 0) return [];
    const rows = await this.dataSource.query(
      `SELECT * FROM jobs WHERE id IN (
         SELECT (SELECT id FROM jobs WHERE repository_id = wanted.value ORDER BY created_at DESC, id DESC LIMIT 1)
         FROM json_each(?) AS wanted
       )`,
      [JSON.stringify(repositoryIds)],
    );
    return this.withSteps(this.jobRows.hydrate(rows));
  }

  /**
   * The newest job (in the lists' order) of every repository and every schedule. Each distinct id is found by one
   * seek in its index (a loose index scan), so this costs the number of repositories and schedules, not of jobs.
   */
  async newestOfEachRepositoryAndSchedule(): Promise<number[]> {
    const columns = ['repository_id', 'schedule_id'] as const;
    const newest = await Promise.all(columns.map((column) => this.dataSource.query(newestOfEach(column))));
    return newest.flat().map((row: { id: number }) => row.id);
  }

  /** Marks a failed or warning job acknowledged (once: a second call keeps the first time). */
  async acknowledge(id: number, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE jobs SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL`, [sqliteTime(at), id]);
  }

  /** Acknowledges every unacknowledged failed or warning job (of one repository); returns how many. */
  async acknowledgeAll(at: Date, repositoryId?: number): Promise<number> {
    const repository = repositoryId === undefined ? '' : 'AND repository_id = ?';
    const parameters = repositoryId === undefined ? [] : [repositoryId];
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE jobs SET acknowledged_at = ? WHERE ${UNACKNOWLEDGED} ${repository}`, [sqliteTime(at), ...parameters]);
      const [{ changed }] = (await manager.query('SELECT changes() AS changed')) as Array<{ changed: number }>;
      return changed;
    });
  }

  /**
   * Per repository: its unacknowledged failed and warning jobs, counted, and the newest of them. Read from the partial
   * index idx_jobs_unacknowledged, which holds nothing else (named: without statistics SQLite would rather walk every
   * failed job by idx_jobs_list_status).
   */
  unacknowledgedByRepository(): Promise<UnacknowledgedCounts[]> {
    return this.dataSource.query(
      `SELECT repository_id AS repositoryId, SUM(status = 'failed') AS failed, SUM(status = 'warning') AS warning, MAX(id) AS newestId
       FROM jobs INDEXED BY idx_jobs_unacknowledged WHERE ${UNACKNOWLEDGED} AND repository_id IS NOT NULL GROUP BY repository_id`,
    );
  }

  /** The newest finished backup of each host given, by one seek per host in idx_jobs_host. */
  async newestFinishedHostBackups(hostIds: number[]): Promise<number[]> {
    if (hostIds.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT (SELECT id FROM jobs WHERE host_id = ids.value AND type = 'backup'
                 AND status IN (${FINISHED_STATUSES.map(() => '?').join(', ')}) ORDER BY created_at DESC, id DESC LIMIT 1) AS id
       FROM json_each(?) AS ids`,
      [...FINISHED_STATUSES, JSON.stringify(hostIds)],
    )) as Array<{ id: number | null }>;
    return rows.flatMap((row) => (row.id === null ? [] : [row.id]));
  }

  /**
   * The newest finished backup of each repository given, by one seek per repository in idx_jobs_list_repository
   * (which holds type and status: rows are read only for the answer).
   */
  async newestFinishedBackups(repositoryIds: number[]): Promise<number[]> {
    if (repositoryIds.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT (SELECT id FROM jobs WHERE repository_id = ids.value AND type = 'backup'
                 AND status IN (${FINISHED_STATUSES.map(() => '?').join(', ')}) ORDER BY created_at DESC, id DESC LIMIT 1) AS id
       FROM json_each(?) AS ids`,
      [...FINISHED_STATUSES, JSON.stringify(repositoryIds)],
    )) as Array<{ id: number | null }>;
    return rows.flatMap((row) => (row.id === null ? [] : [row.id]));
  }

  /** Jobs without their steps, in no particular order. */
  async withoutSteps(ids: number[]): Promise<JobEntity[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.query('SELECT * FROM jobs WHERE id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids)]);
    return this.jobRows.hydrate(rows);
  }

  /** How many jobs the history holds of each type and status (job_counts, kept by triggers). */
  countsByTypeAndStatus(): Promise<Array<{ type: JobType; status: JobStatus; jobs: number }>> {
    return this.dataSource.query('SELECT type, status, SUM(jobs) AS jobs FROM job_counts GROUP BY type, status');
  }

  /**
   * Deletes up to `limit` finished jobs created before `cutoff`, except those in `keep`, with their steps (the
   * foreign key cascades; triggers keep job_counts right). Returns the ids deleted.
   */
  removeFinishedBefore(cutoff: Date, keep: number[], limit: number): Promise<number[]> {
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT id FROM jobs WHERE status IN (${FINISHED_STATUSES.map(() => '?').join(', ')}) AND created_at < ?
         AND id NOT IN (SELECT value FROM json_each(?)) LIMIT ?`,
        [...FINISHED_STATUSES, sqliteTime(cutoff), JSON.stringify(keep), limit],
      )) as Array<{ id: number }>;
      const ids = rows.map((row) => row.id);
      if (ids.length > 0) await manager.query('DELETE FROM jobs WHERE id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids)]);
      return ids;
    });
  }

  async updateJob(job: JobEntity, patch: JobPatch): Promise<void> {
    Object.assign(job, patch);
    await this.jobs.update({ id: job.id }, patch as QueryDeepPartialEntity<JobEntity>);
  }

  async updateStep(step: JobStepEntity, patch: StepPatch): Promise<void> {
    Object.assign(step, patch);
    await this.steps.update({ id: step.id }, patch as QueryDeepPartialEntity<JobStepEntity>);
  }

  private async withSteps(jobs: JobEntity[]): Promise<JobRecord[]> {
    if (jobs.length === 0) return [];
    const rows = await this.dataSource.query(
      'SELECT * FROM job_steps WHERE job_id IN (SELECT value FROM json_each(?)) ORDER BY job_id, position',
      [JSON.stringify(jobs.map((job) => job.id))],
    );
    const byJob = new Map<number, JobStepEntity[]>(jobs.map((job) => [job.id, []]));
    for (const step of this.stepRows.hydrate(rows)) byJob.get(step.jobId)?.push(step);
    return jobs.map((job) => ({ job, steps: byJob.get(job.id) ?? [] }));
  }
}

/** The newest job of each distinct value of an indexed column, by a recursive walk over the values. */
function newestOfEach(column: 'repository_id' | 'schedule_id'): string {
  return `WITH RECURSIVE value(v) AS (
      SELECT MIN(${column}) FROM jobs
      UNION ALL SELECT (SELECT MIN(${column}) FROM jobs WHERE ${column} > value.v) FROM value WHERE value.v IS NOT NULL
    )
    SELECT (SELECT id FROM jobs WHERE ${column} = value.v ORDER BY created_at DESC, id DESC LIMIT 1) AS id FROM value WHERE value.v IS NOT NULL`;
}

/** The host a job's parameters name (backups and restores of a host), or null. */
function hostOf(parameters: AnyStepParameters): number | null {
  return 'host_id' in parameters && typeof parameters.host_id === 'number' ? parameters.host_id : null;
}
