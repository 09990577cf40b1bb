import { Injectable, StreamableFile } from '@nestjs/common';
import { DatabaseVersion } from '../platform/database/database-version';
import { LIST_CACHE_SIZE, VersionedCache } from '../platform/database/versioned-cache';
import { DomainError } from '../platform/errors/domain-error';
import { Page } from '../platform/http/envelope';
import { eachOutcome } from '../platform/bulk/bulk-outcomes';
import { BulkResultDto } from '../platform/bulk/bulk-result.dto';
import { AcknowledgedJobsDto } from './dto/job-acknowledge.dto';
import { JobBulkAction } from './dto/job-bulk.dto';
import { JobLogPageDto } from './dto/job-log.dto';
import { JobListQueryDto, JobLogQueryDto } from './dto/job-query.dto';
import { StepParameters } from './contract/job-contracts';
import { JobDto, JobSummaryDto } from './dto/job.dto';
import { JobRecord, toJobDto, toJobSummary } from './store/job-dto.mapper';
import { JobEvents } from './streams/job-events';
import { JobLogLevel, JobStepPlan } from './engine/job-executor';
import { isJobFinished, isJobRetryable, JobStatus, JobTrigger, JobType } from '@borgitory/job-states';
import { JobLogs } from './logs/job-logs';
import { IdleTask, JobQueue } from './engine/job-queue';
import { JobRunner } from './engine/job-runner';
import { JobSettings } from './engine/job-settings';
import { JobStore, NewJob } from './store/job-store';

const isAcknowledgeable = (status: JobStatus): boolean => status === 'failed' || status === 'warning';

interface EnqueueOptions {
  repositoryId: number | null;
  trigger?: JobTrigger;
  retryOfId?: number | null;
  scheduleId?: number | null;
  /** In order, one of them of the job's own type (its result is the job's); default: one step of the job's type. */
  steps?: JobStepPlan[];
  /** A line for the job's log before anything runs (why it was started). */
  note?: string;
}

/** A job to start: its type and that type's parameters (shown in the API as they are: never secrets). */
export type EnqueueRequest = { [T in JobType]: EnqueueOptions & { type: T; parameters: StepParameters<T> } }[JobType];

@Injectable()
export class JobsService {
  private readonly pages: VersionedCache<Page<JobDto>>;
  /** Per filter: paging through a list counts its matches once. */
  private readonly totals: VersionedCache<number>;

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
    this.totals = new VersionedCache(version, LIST_CACHE_SIZE);
  }

  /** Persists the job, then schedules it; the answer is the job as it was saved (queued). */
  enqueue(request: EnqueueRequest): Promise<JobDto> {
    return this.add(
      {
        type: request.type,
        repositoryId: request.repositoryId,
        parameters: request.parameters,
        trigger: request.trigger ?? 'manual',
        retryOfId: request.retryOfId ?? null,
        scheduleId: request.scheduleId ?? null,
        steps: request.steps ?? [{ type: request.type }],
      },
      request.note,
    );
  }

  private async add(input: NewJob, note?: string): Promise<JobDto> {
    if (!input.steps.some((step) => step.type === input.type)) throw new Error(`A ${input.type} job needs a ${input.type} step`);
    const record = await this.store.create(input);
    if (note) this.runner.note(record, 'info', note);
    const job = toJobDto(record);
    this.events.publish(job.id, { type: 'status', job });
    this.queue.add({ id: job.id, repositoryId: job.repository_id });
    return job;
  }

  async get(id: number): Promise<JobDto> {
    return this.withLiveProgress(await this.find(id));
  }

  private withLiveProgress(record: JobRecord): JobDto {
    return toJobDto(record, record.job.status === 'running' ? this.events.progressOf(record.job.id) : null);
  }

  list(query: JobListQueryDto): Promise<Page<JobDto>> {
    const { limit, offset, ...filter } = query;
    const filterKey = JSON.stringify(filter);
    return this.pages.get(JSON.stringify([filterKey, limit, offset]), async () => {
      const [records, total] = await Promise.all([
        this.store.page(filter, limit, offset),
        this.totals.get(filterKey, () => this.store.count(filter)),
      ]);
      return new Page(
        records.map((record) => toJobDto(record)),
        { total, limit, offset },
      );
    });
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
        if (isJobFinished(job.status)) finish(job);
      }, reject);
    });
  }

  /** Low-priority work that must not overlap the repository's jobs (JobQueue.runWhenIdle). */
  runWhenIdle(repositoryId: number, task: IdleTask, kind?: string): void {
    this.queue.runWhenIdle(repositoryId, task, kind);
  }

  /** Drops the repository's idle work and waits for any that runs to end (JobQueue.stopIdleWork). */
  stopIdleWork(repositoryId: number): Promise<void> {
    return this.queue.stopIdleWork(repositoryId);
  }

  /** Queued or running: the repository must not be deleted meanwhile. */
  async hasActiveJob(repositoryId: number): Promise<boolean> {
    return (await this.store.countActive(repositoryId)) > 0;
  }

  /** A queued job is cancelled without running; a running one is aborted, and the answer waits for it to settle. */
  async cancel(id: number): Promise<JobDto> {
    const record = await this.find(id);
    if (isJobFinished(record.job.status)) {
      throw DomainError.conflict(`Job ${id} has already finished (${record.job.status}); only queued or running jobs can be cancelled`);
    }
    if (this.queue.isRunning(id)) {
      await this.queue.stop(id, 'cancel', this.settings.cancelWaitMs);
      return this.get(id);
    }
    this.queue.withdraw(id);
    await this.runner.cancelQueued(record);
    return toJobDto(record);
  }

  /** Cancels or retries each job on its own, as the single-job operations do. */
  bulk(action: JobBulkAction, ids: number[]): Promise<BulkResultDto> {
    return eachOutcome(ids, (id) => (action === 'cancel' ? this.cancel(id) : this.retry(id)));
  }

  /** When the repository's backups that failed or were interrupted since then were created. */
  backupFailuresSince(repositoryId: number, since: Date): Promise<Date[]> {
    return this.store.backupFailuresSince(repositoryId, since);
  }

  /** A finished failed or warning job no longer counts as a problem on the dashboard; acknowledging it again changes nothing. */
  async acknowledge(id: number): Promise<JobDto> {
    const record = await this.find(id);
    if (!isAcknowledgeable(record.job.status)) {
      throw DomainError.conflict(`Only failed or warning jobs can be acknowledged; job ${id} is ${record.job.status}`);
    }
    await this.store.acknowledge(id, new Date());
    return this.get(id);
  }

  /** Acknowledges every failed or warning job not acknowledged yet, or those of one repository; answers how many. */
  async acknowledgeAll(repositoryId?: number): Promise<AcknowledgedJobsDto> {
    return { acknowledged: await this.store.acknowledgeAll(new Date(), repositoryId) };
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

  /** The newest job (in the lists' order) of each repository given that has one, by repository id. */
  async latestOfRepositories(repositoryIds: readonly number[]): Promise<Map<number, JobDto>> {
    const records = await this.store.latestOfRepositories(repositoryIds);
    return new Map(records.map((record) => [record.job.repositoryId as number, this.withLiveProgress(record)]));
  }

  /** Adds a line to a job's log (and its live stream) from outside the job. */
  async note(id: number, level: JobLogLevel, message: string): Promise<void> {
    this.runner.note(await this.find(id), level, message);
  }

  /** A new job with the same type, repository, parameters and steps, linked to the original. */
  async retry(id: number): Promise<JobDto> {
    const { job, steps } = await this.find(id);
    if (!isJobRetryable(job.status)) {
      throw DomainError.conflict(`Only failed, cancelled or interrupted jobs can be retried; job ${id} is ${job.status}`);
    }
    return this.add({
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
      complete: isJobFinished(job.status) && chunk.nextOffset >= chunk.size,
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
    if (!record) throw DomainError.notFound(`Job ${id} does not exist`);
    return record;
  }
}
