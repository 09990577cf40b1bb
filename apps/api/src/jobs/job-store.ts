import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere, In, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { JobStatus, JobStepPlan, JobTrigger, JobType } from './job-executor';
import { JobRecord } from './job-dto.mapper';
import { JobStepEntity } from './job-step.entity';
import { JobEntity } from './job.entity';

export interface NewJob {
  type: JobType;
  repositoryId: number | null;
  parameters: Record<string, unknown>;
  trigger: JobTrigger;
  retryOfId: number | null;
  scheduleId: number | null;
  /** In order. */
  steps: JobStepPlan[];
}

export interface JobFilter {
  status?: JobStatus;
  type?: JobType;
  repositoryId?: number;
  scheduleId?: number;
}

export type JobPatch = Partial<Omit<JobEntity, 'id'>>;
export type StepPatch = Partial<Omit<JobStepEntity, 'id' | 'job'>>;

/** The jobs and job_steps tables. Patches go to the row and to the entity in hand, so both stay the same. */
@Injectable()
export class JobStore {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(JobEntity) private readonly jobs: Repository<JobEntity>,
    @InjectRepository(JobStepEntity) private readonly steps: Repository<JobStepEntity>,
  ) {}

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

  /** Newest first. */
  async list(filter: JobFilter, limit: number, offset: number): Promise<{ records: JobRecord[]; total: number }> {
    const where: FindOptionsWhere<JobEntity> = {};
    if (filter.status) where.status = filter.status;
    if (filter.type) where.type = filter.type;
    if (filter.repositoryId !== undefined) where.repositoryId = filter.repositoryId;
    if (filter.scheduleId !== undefined) where.scheduleId = filter.scheduleId;
    const [jobs, total] = await this.jobs.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    return { records: await this.withSteps(jobs), total };
  }

  /** Oldest first: the order they were enqueued in. */
  async withStatus(status: JobStatus): Promise<JobRecord[]> {
    return this.withSteps(await this.jobs.find({ where: { status }, order: { id: 'ASC' } }));
  }

  async countActive(repositoryId: number): Promise<number> {
    return this.jobs.countBy({ repositoryId, status: In(['queued', 'running']) });
  }

  /** The oldest queued or running job of a schedule, if any. */
  async activeOfSchedule(scheduleId: number): Promise<JobEntity | null> {
    return this.jobs.findOne({ where: { scheduleId, status: In(['queued', 'running']) }, order: { id: 'ASC' } });
  }

  /** The newest job of each schedule given (schedules without one are left out). */
  async latestOfSchedules(scheduleIds: number[]): Promise<JobEntity[]> {
    if (scheduleIds.length === 0) return [];
    const newest = this.jobs
      .createQueryBuilder('latest')
      .select('MAX(latest.id)')
      .where('latest.schedule_id IN (:...ids)', { ids: scheduleIds })
      .groupBy('latest.schedule_id');
    return this.jobs
      .createQueryBuilder('job')
      .where(`job.id IN (${newest.getQuery()})`)
      .setParameters(newest.getParameters())
      .getMany();
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
    const steps = await this.steps.find({ where: { jobId: In(jobs.map((job) => job.id)) }, order: { position: 'ASC' } });
    return jobs.map((job) => ({ job, steps: steps.filter((step) => step.jobId === job.id) }));
  }
}
