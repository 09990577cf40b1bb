import { Injectable, StreamableFile } from '@nestjs/common';
import { DatabaseVersion } from '../platform/database/database-version';
import { LIST_CACHE_SIZE, VersionedCache } from '../platform/database/versioned-cache';
import { ApiError } from '../platform/http/api-error';
import { Page } from '../platform/http/envelope';
import { JobLogPageDto } from './dto/job-log.dto';
import { JobListQueryDto, JobLogQueryDto } from './dto/job-query.dto';
import { JobDto, JobSummaryDto } from './dto/job.dto';
import { JobRecord, toJobDto, toJobSummary } from './job-dto.mapper';
import { JobEvents } from './job-events';
import { JobLogLevel, JobStepPlan, JobTrigger, JobType } from './job-executor';
import { JobLogs } from './job-logs';
import { IdleTask, JobQueue } from './job-queue';
import { JobRunner } from './job-runner';
import { JobSettings } from './job-settings';
import { isFinished, isRetryable } from './job-status';
import { JobStore } from './job-store';

export interface EnqueueRequest {
  type: JobType;
  repositoryId: number | null;
  /** Shown in the API as they are: never secrets. */
  parameters: Record<string, unknown>;
  trigger?: JobTrigger;
  retryOfId?: number | null;
  scheduleId?: number | null;
  /** In order, one of them of the job's own type (its result is the job's); default: one step of the job's type. */
  steps?: JobStepPlan[];
  /** A line for the job's log before anything runs (why it was started). */
  note?: string;
}

@Injectable()
export class JobsService {
  private readonly pages: VersionedCache<Page<JobDto>>;

  constructor(
    private readonly store: JobStore,
    private readonly queue: JobQueue,
    private readonly runner: JobRunner,
    private readonly events: JobEvents,
    private readonly logs: JobLogs,
    private readonly settings: JobSettings,
    version: DatabaseVersion,
  ) {
    this.pages = new VersionedCache(version, LIST_CACHE_SIZE);
  }

  /** Persists the job, then schedules it; the answer is the job as it was saved (queued). */
  async enqueue(request: EnqueueRequest): Promise<JobDto> {
    const steps = request.steps ?? [{ type: request.type }];
    if (!steps.some((step) => step.type === request.type)) throw new Error(`A ${request.type} job needs a ${request.type} step`);
    const record = await this.store.create({
      type: request.type,
      repositoryId: request.repositoryId,
      parameters: request.parameters,
      trigger: request.trigger ?? 'manual',
      retryOfId: request.retryOfId ?? null,
      scheduleId: request.scheduleId ?? null,
      steps,
    });
    if (request.note) this.runner.note(record, 'info', request.note);
    const job = toJobDto(record);
    this.events.publish(job.id, { type: 'status', job });
    this.queue.add({ id: job.id, repositoryId: job.repository_id });
    return job;
  }

  async get(id: number): Promise<JobDto> {
    const record = await this.find(id);
    return toJobDto(record, record.job.status === 'running' ? this.events.progressOf(id) : null);
  }

  list(query: JobListQueryDto): Promise<Page<JobDto>> {
    const key = JSON.stringify([query.status, query.type, query.repository_id, query.schedule_id, query.limit, query.offset]);
    return this.pages.get(key, () => this.readPage(query));
  }

  private async readPage(query: JobListQueryDto): Promise<Page<JobDto>> {
    const { records, total } = await this.store.list(
      { status: query.status, type: query.type, repositoryId: query.repository_id, scheduleId: query.schedule_id },
      query.limit,
      query.offset,
    );
    return new Page(
      records.map((record) => toJobDto(record)),
      { total, limit: query.limit, offset: query.offset },
    );
  }

  /** The job once it has finished, or null when it is still queued or running after timeoutMs. */
  async waitUntilFinished(id: number, timeoutMs: number): Promise<JobDto | null> {
    return new Promise<JobDto | null>((resolve, reject) => {
      let settled = false;
      const finish = (job: JobDto | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        unsubscribe();
        resolve(job);
      };
      const unsubscribe = this.events.subscribe(id, (event) => {
        if (event.type === 'done') finish(event.job);
      });
      const timer = setTimeout(() => finish(null), timeoutMs);
      this.get(id).then((job) => {
        if (isFinished(job.status)) finish(job);
      }, reject);
    });
  }

  /** Low-priority work that must not overlap the repository's jobs (JobQueue.runWhenIdle). */
  runWhenIdle(repositoryId: number, task: IdleTask): void {
    this.queue.runWhenIdle(repositoryId, task);
  }

  /** Queued or running: the repository must not be deleted meanwhile. */
  async hasActiveJob(repositoryId: number): Promise<boolean> {
    return (await this.store.countActive(repositoryId)) > 0;
  }

  /** A queued job is cancelled without running; a running one is aborted, and the answer waits for it to settle. */
  async cancel(id: number): Promise<JobDto> {
    const record = await this.find(id);
    if (isFinished(record.job.status)) {
      throw ApiError.conflict(`Job ${id} has already finished (${record.job.status}); only queued or running jobs can be cancelled`);
    }
    if (this.queue.isRunning(id)) {
      await this.queue.stop(id, 'cancel', this.settings.cancelWaitMs);
      return this.get(id);
    }
    this.queue.withdraw(id);
    await this.runner.cancelQueued(record);
    return toJobDto(record);
  }

  /** The oldest queued or running job of a schedule, or null when it has none. */
  async activeOfSchedule(scheduleId: number): Promise<JobDto | null> {
    const job = await this.store.activeOfSchedule(scheduleId);
    return job ? this.get(job.id) : null;
  }

  /** The newest job of each schedule, by schedule id. */
  async latestOfSchedules(scheduleIds: number[]): Promise<Map<number, JobSummaryDto>> {
    const jobs = await this.store.latestOfSchedules(scheduleIds);
    return new Map(jobs.map((job) => [job.scheduleId as number, toJobSummary(job)]));
  }

  /** Adds a line to a job's log (and its live stream) from outside the job. */
  async note(id: number, level: JobLogLevel, message: string): Promise<void> {
    this.runner.note(await this.find(id), level, message);
  }

  /** A new job with the same type, repository, parameters and steps, linked to the original. */
  async retry(id: number): Promise<JobDto> {
    const { job, steps } = await this.find(id);
    if (!isRetryable(job.status)) {
      throw ApiError.conflict(`Only failed, cancelled or interrupted jobs can be retried; job ${id} is ${job.status}`);
    }
    return this.enqueue({
      type: job.type,
      repositoryId: job.repositoryId,
      parameters: job.parameters,
      trigger: 'retry',
      retryOfId: job.id,
      scheduleId: job.scheduleId,
      steps: steps.map((step) => ({ type: step.type, parameters: step.parameters ?? undefined, runOnFailure: step.runOnFailure })),
    });
  }

  async logPage(id: number, query: JobLogQueryDto): Promise<JobLogPageDto> {
    const { job } = await this.find(id);
    const chunk = await this.logs.read(id, query.offset, query.limit);
    return {
      lines: chunk.lines,
      next_offset: chunk.nextOffset,
      truncated: job.logTruncated,
      complete: isFinished(job.status) && chunk.nextOffset >= chunk.size,
    };
  }

  async logText(id: number): Promise<StreamableFile> {
    await this.find(id);
    const stream = await this.logs.stream(id);
    const options = { type: 'text/plain; charset=utf-8' };
    return stream ? new StreamableFile(stream, options) : new StreamableFile(Buffer.alloc(0), options);
  }

  private async find(id: number): Promise<JobRecord> {
    const record = await this.store.find(id);
    if (!record) throw ApiError.notFound(`Job ${id} does not exist`);
    return record;
  }
}
