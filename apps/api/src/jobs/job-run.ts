import { LoggerService } from '@nestjs/common';
import { ApiError } from '../platform/http/api-error';
import { ErrorCode } from '../platform/http/error-code';
import { JobContext, JobFailure } from './job-executor';
import { JobExecutorRegistry } from './job-executor-registry';
import { JobEvents } from './job-events';
import { JobLogs } from './job-logs';
import { JobLogWriter } from './job-log-writer';
import { JobRecord, toJobDto } from './job-dto.mapper';
import { JobSettings } from './job-settings';
import { INTERRUPTED_MESSAGE } from './job-status';
import { JobStepEntity } from './job-step.entity';
import { JobStore } from './job-store';
import { ProgressThrottle } from './progress-throttle';

export interface JobRunTools {
  store: JobStore;
  registry: JobExecutorRegistry;
  events: JobEvents;
  logs: JobLogs;
  settings: JobSettings;
  logger: LoggerService;
}

type StepEnd =
  | { status: 'completed' | 'warning'; result: Record<string, unknown> | null; warnings: string[] }
  | { status: 'failed'; code: string; message: string }
  | { status: 'cancelled' | 'interrupted' };

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** One execution of a job: its steps in order, until one fails or the job is stopped. */
export class JobRun {
  private readonly log: JobLogWriter;
  private readonly throttle: ProgressThrottle;
  private readonly context: JobContext;
  /** Writes that executors trigger (progress, pids) are chained so that they land in order. */
  private writes: Promise<void> = Promise.resolve();
  private finished = false;

  constructor(
    private readonly record: JobRecord,
    private readonly signal: AbortSignal,
    private readonly tools: JobRunTools,
  ) {
    const { job } = record;
    const { events, settings } = tools;
    this.log = tools.logs.writer(job.id, {
      truncated: job.logTruncated,
      onLine: (line, nextOffset) => events.publish(job.id, { type: 'log', jobId: job.id, line, nextOffset }),
      onTruncated: () => this.background(() => tools.store.updateJob(job, { logTruncated: true })),
    });
    this.throttle = new ProgressThrottle({
      jobStartedAt: Date.now(),
      emitIntervalMs: settings.progressEventIntervalMs,
      persistIntervalMs: settings.progressPersistIntervalMs,
      emit: (progress) => events.publish(job.id, { type: 'progress', jobId: job.id, progress }),
      persist: (progress) => this.background(() => tools.store.updateJob(job, { progress })),
    });
    this.context = {
      jobId: job.id,
      repositoryId: job.repositoryId,
      parameters: job.parameters,
      signal,
      log: (level, message) => {
        if (!this.finished) this.log.write(level, message);
      },
      progress: (update) => {
        if (!this.finished) this.throttle.update(update);
      },
      processStarted: (pid) => {
        if (!this.finished) this.background(() => tools.store.updateJob(job, { processGroupId: pid }));
      },
    };
  }

  async execute(): Promise<void> {
    try {
      const { job, steps } = this.record;
      await this.tools.store.updateJob(job, { status: 'running', startedAt: new Date() });
      this.publishStatus();

      const ends: StepEnd[] = [];
      for (const step of steps) {
        const previous = ends.at(-1);
        if (previous && !isSuccess(previous)) {
          await this.tools.store.updateStep(step, { status: 'skipped' });
          continue;
        }
        ends.push(await this.runStep(step));
      }
      await this.finish(ends);
    } finally {
      // Also when saving failed: the job stays 'running' in the database and crash recovery ends it at the next start.
      this.finished = true;
      this.throttle.stop();
      this.log.close();
    }
  }

  private async runStep(step: JobStepEntity): Promise<StepEnd> {
    const { store } = this.tools;
    const label = `Step ${step.position}/${this.record.steps.length}: ${step.type}`;
    if (this.signal.aborted) {
      const end = this.stopped();
      await store.updateStep(step, { status: end.status });
      return end;
    }
    await store.updateStep(step, { status: 'running', startedAt: new Date() });
    this.throttle.startStep();
    this.log.write('info', `${label} started`);
    this.publishStatus();

    const end = await this.executeStep(step);
    await store.updateStep(step, {
      status: end.status,
      finishedAt: new Date(),
      result: isSuccess(end) ? end.result : null,
      errorCode: end.status === 'failed' ? end.code : null,
      errorMessage: end.status === 'failed' ? end.message : null,
    });
    const level = isSuccess(end) ? 'info' : end.status === 'cancelled' ? 'warning' : 'error';
    this.log.write(level, `${label} finished (${end.status})`);
    this.publishStatus();
    return end;
  }

  /** Whatever an executor throws once the job was stopped, the step counts as stopped. */
  private async executeStep(step: JobStepEntity): Promise<StepEnd> {
    const executor = this.tools.registry.get(step.type);
    if (!executor) {
      this.tools.logger.error({ job_id: this.record.job.id }, `No executor is registered for ${step.type} jobs`);
      return this.failed(ErrorCode.INTERNAL_ERROR, `No executor is registered for ${step.type} jobs`);
    }
    try {
      const outcome = await executor.run(this.context);
      return { status: outcome.status, result: outcome.result ?? null, warnings: outcome.warnings ?? [] };
    } catch (error) {
      if (this.signal.aborted) return this.stopped();
      // An ApiError (borg's failures as RepositoriesService describes them) already says what went wrong in user terms.
      if (error instanceof JobFailure || error instanceof ApiError) return this.failed(this.knownCode(error.code), error.message);
      const errorId = `job-${this.record.job.id}`;
      this.tools.logger.error(
        { err: error, job_id: this.record.job.id, error_id: errorId },
        `Job ${errorId} (${step.type}) failed unexpectedly`,
      );
      return this.failed(
        ErrorCode.INTERNAL_ERROR,
        `The ${step.type} step failed with an internal error (error id ${errorId}); the server log has the details`,
      );
    }
  }

  private async finish(ends: StepEnd[]): Promise<void> {
    const { job } = this.record;
    const last = ends.at(-1);
    const first = ends[0];
    const warned = ends.some((end) => end.status === 'warning');
    const status = last && !isSuccess(last) ? last.status : warned ? 'warning' : 'completed';
    if (status === 'cancelled') this.log.write('warning', 'Cancelled');
    if (status === 'interrupted') this.log.write('error', INTERRUPTED_MESSAGE);

    const progress = this.throttle.stop();
    this.finished = true;
    this.log.close();
    await this.writes;
    await this.tools.store.updateJob(job, {
      status,
      finishedAt: new Date(),
      progress: progress ?? job.progress,
      result: first && isSuccess(first) ? first.result : null,
      warnings: ends.flatMap((end) => (isSuccess(end) ? end.warnings : [])),
      errorCode: last?.status === 'failed' ? last.code : status === 'interrupted' ? ErrorCode.JOB_INTERRUPTED : null,
      errorMessage: last?.status === 'failed' ? last.message : status === 'interrupted' ? INTERRUPTED_MESSAGE : null,
      logTruncated: this.log.isTruncated,
      processGroupId: null,
    });
    const dto = toJobDto(this.record);
    this.tools.events.publish(job.id, { type: 'status', job: dto });
    this.tools.events.publish(job.id, { type: 'done', job: dto });
  }

  private failed(code: string, message: string): StepEnd {
    this.log.write('error', message);
    return { status: 'failed', code, message };
  }

  private stopped(): StepEnd {
    return { status: this.signal.reason === 'shutdown' ? 'interrupted' : 'cancelled' };
  }

  /** Clients may switch on error codes exhaustively, so an executor's unknown code is reported as internal. */
  private knownCode(code: string): string {
    if (KNOWN_CODES.has(code)) return code;
    this.tools.logger.warn({ job_id: this.record.job.id }, `An executor failed with the unknown error code ${code}`);
    return ErrorCode.INTERNAL_ERROR;
  }

  private publishStatus(): void {
    const { events } = this.tools;
    events.publish(this.record.job.id, { type: 'status', job: toJobDto(this.record, events.progressOf(this.record.job.id)) });
  }

  private background(write: () => Promise<void>): void {
    this.writes = this.writes.then(write).catch((error: unknown) => {
      this.tools.logger.error({ err: error, job_id: this.record.job.id }, 'Could not save job progress');
    });
  }
}

function isSuccess(end: StepEnd): end is Extract<StepEnd, { status: 'completed' | 'warning' }> {
  return end.status === 'completed' || end.status === 'warning';
}
