import { LoggerService } from '@nestjs/common';
import { DomainError } from '../../platform/errors/domain-error';
import { ErrorCode } from '../../platform/errors/error-code';
import { AnyStepResult } from '../contract/job-contracts';
import { EarlierStep, JobContext, JobLogLevel } from './job-executor';
import { JobExecutorRegistry } from './job-executor-registry';
import { JobEvents } from '../streams/job-events';
import { JobLogs } from '../logs/job-logs';
import { JobLogWriter } from '../logs/job-log-writer';
import { JobRecord, toJobDto } from '../store/job-dto.mapper';
import { JobSettings } from './job-settings';
import { JobStepEntity } from '../store/job-step.entity';
import { JobStore } from '../store/job-store';
import { ProcessGroups } from './process-groups';
import { ProgressThrottle } from './progress-throttle';

export interface JobRunTools {
  store: JobStore;
  processes: ProcessGroups;
  registry: JobExecutorRegistry;
  events: JobEvents;
  logs: JobLogs;
  settings: JobSettings;
  logger: LoggerService;
}

type StepEnd =
  | { status: 'completed' | 'warning'; result: AnyStepResult | null; warnings: string[] }
  | { status: 'failed'; code: ErrorCode; message: string }
  | { status: 'cancelled' | 'interrupted' };

export const INTERRUPTED_MESSAGE = 'Borgitory stopped while this job was running';

/** One execution of a job: its steps in order, until one fails or the job is stopped. */
export class JobRun {
  private readonly log: JobLogWriter;
  private readonly throttle: ProgressThrottle;
  private readonly earlierSteps: EarlierStep[] = [];
  /** Writes that executors trigger (progress, pids) are chained so that they land in order. */
  private writes: Promise<void> = Promise.resolve();
  private finished = false;

  /**
   * @param signal aborted by a cancel ('cancel') or by the server stopping ('shutdown')
   * @param shutdownSignal aborted only when the server stops: steps that run after a cancel (runOnFailure) listen to it
   */
  constructor(
    private readonly record: JobRecord,
    private readonly signal: AbortSignal,
    private readonly shutdownSignal: AbortSignal,
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
  }

  async execute(): Promise<void> {
    try {
      const { job, steps } = this.record;
      await this.tools.store.updateJob(job, { status: 'running', startedAt: new Date() });
      this.publishStatus();

      const ends: Array<{ step: JobStepEntity; end: StepEnd }> = [];
      // The first step that did not succeed decides how the job ends; later steps are skipped unless they run on failure.
      let stoppedBy: StepEnd | null = null;
      for (const step of steps) {
        if (stoppedBy && !(step.runOnFailure && stoppedBy.status !== 'interrupted')) {
          await this.tools.store.updateStep(step, { status: 'skipped' });
          continue;
        }
        // After a cancel, what runs on failure must not be stopped by that same cancel, only by a shutdown.
        const cleanUpAfterCancel = stoppedBy?.status === 'cancelled';
        const end = await this.runStep(step, cleanUpAfterCancel ? this.shutdownSignal : this.signal);
        ends.push({ step, end });
        if (!stoppedBy && !isSuccess(end)) stoppedBy = end;
      }
      await this.finish(ends, stoppedBy);
    } finally {
      // Also when saving failed: the job stays 'running' in the database and crash recovery ends it at the next start.
      this.finished = true;
      this.throttle.stop();
      this.log.close();
    }
  }

  private async runStep(step: JobStepEntity, signal: AbortSignal): Promise<StepEnd> {
    const { store } = this.tools;
    const label = `Step ${step.position}/${this.record.steps.length}: ${step.type}`;
    if (signal.aborted) {
      const end = stopped(signal);
      await store.updateStep(step, { status: end.status });
      return end;
    }
    await store.updateStep(step, { status: 'running', startedAt: new Date() });
    this.throttle.startStep();
    this.log.write('info', `${label} started`);
    this.publishStatus();

    const end = await this.executeStep(step, signal);
    await store.updateStep(step, {
      status: end.status,
      finishedAt: new Date(),
      result: isSuccess(end) ? end.result : null,
      errorCode: end.status === 'failed' ? end.code : null,
      errorMessage: end.status === 'failed' ? end.message : null,
    });
    const level = isSuccess(end) ? 'info' : end.status === 'cancelled' ? 'warning' : 'error';
    this.log.write(level, `${label} finished (${end.status})`);
    this.earlierSteps.push({ type: step.type, status: step.status, result: step.result, errorMessage: step.errorMessage });
    this.publishStatus();
    return end;
  }

  /** Whatever an executor throws once the job was stopped, the step counts as stopped. */
  private async executeStep(step: JobStepEntity, signal: AbortSignal): Promise<StepEnd> {
    const executor = this.tools.registry.get(step.type);
    if (!executor) {
      this.tools.logger.error({ job_id: this.record.job.id }, `No executor is registered for ${step.type} jobs`);
      return this.failed(ErrorCode.INTERNAL_ERROR, `No executor is registered for ${step.type} jobs`);
    }
    try {
      const context = this.contextFor(step, signal);
      const outcome = await this.tools.processes.runMarked(this.record.job.id, () => executor.run(context));
      return { status: outcome.status, result: outcome.result ?? null, warnings: outcome.warnings ?? [] };
    } catch (error) {
      if (signal.aborted) return stopped(signal);
      // A DomainError (borg's failures as RepositoryBorg describes them, for one) already says what went wrong in user terms.
      if (error instanceof DomainError) return this.failed(error.code, error.message);
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

  private async finish(ends: Array<{ step: JobStepEntity; end: StepEnd }>, stoppedBy: StepEnd | null): Promise<void> {
    const { job } = this.record;
    const successes = ends.map(({ end }) => end).filter(isSuccess);
    const status = stoppedBy ? stoppedBy.status : successes.some((end) => end.status === 'warning') ? 'warning' : 'completed';
    if (status === 'cancelled') this.log.write('warning', 'Cancelled');
    if (status === 'interrupted') this.log.write('error', INTERRUPTED_MESSAGE);
    const own = ends.find(({ step }) => step.type === job.type)?.end;

    const progress = this.throttle.stop();
    this.finished = true;
    this.log.close();
    await this.writes;
    await this.tools.store.updateJob(job, {
      status,
      finishedAt: new Date(),
      progress: progress ?? job.progress,
      result: own && isSuccess(own) ? own.result : null,
      warnings: successes.flatMap((end) => end.warnings),
      errorCode: stoppedBy?.status === 'failed' ? stoppedBy.code : status === 'interrupted' ? ErrorCode.JOB_INTERRUPTED : null,
      errorMessage: stoppedBy?.status === 'failed' ? stoppedBy.message : status === 'interrupted' ? INTERRUPTED_MESSAGE : null,
      logTruncated: this.log.isTruncated,
      processGroupId: null,
    });
    const dto = toJobDto(this.record);
    this.tools.events.publish(job.id, { type: 'status', job: dto });
    this.tools.events.publish(job.id, { type: 'done', job: dto });
  }

  /** A line in this job's log from outside the step that runs (a schedule saying it skipped a run). */
  note(level: JobLogLevel, message: string): void {
    if (!this.finished) this.log.write(level, message);
  }

  private contextFor(step: JobStepEntity, signal: AbortSignal): JobContext {
    const { job } = this.record;
    const { store } = this.tools;
    // Calls that come in after the step has ended (a late progress event) are dropped.
    const live = () => !this.finished && step.status === 'running';
    return {
      jobId: job.id,
      repositoryId: job.repositoryId,
      parameters: step.parameters ?? job.parameters,
      earlierSteps: [...this.earlierSteps],
      signal,
      log: (level, message) => {
        if (live()) this.log.write(level, message);
      },
      progress: (update) => {
        if (live()) this.throttle.update(update);
      },
      processStarted: (pid) => {
        if (live()) this.background(() => store.updateJob(job, { processGroupId: pid }));
      },
    };
  }

  private failed(code: ErrorCode, message: string): StepEnd {
    this.log.write('error', message);
    return { status: 'failed', code, message };
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

function stopped(signal: AbortSignal): StepEnd {
  return { status: signal.reason === 'shutdown' ? 'interrupted' : 'cancelled' };
}

function isSuccess(end: StepEnd): end is Extract<StepEnd, { status: 'completed' | 'warning' }> {
  return end.status === 'completed' || end.status === 'warning';
}
