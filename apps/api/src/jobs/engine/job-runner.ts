import { Injectable, Logger } from '@nestjs/common';
import { JobLogLevel } from './job-executor';
import { JobExecutorRegistry } from './job-executor-registry';
import { JobEvents } from '../streams/job-events';
import { JobLogs } from '../logs/job-logs';
import { JobRecord, toJobDto } from '../store/job-dto.mapper';
import { JobRun } from './job-run';
import { JobSettings } from './job-settings';
import { JobStore } from '../store/job-store';
import { ProcessGroups } from './process-groups';

/** Why a running job's signal was aborted: a user's cancel, or the server stopping. */
export type StopReason = 'cancel' | 'shutdown';

/** Runs queued jobs, and finishes jobs that never ran. Every status change is saved, then published. */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger('Jobs');
  private readonly active = new Map<number, JobRun>();

  constructor(
    private readonly store: JobStore,
    private readonly registry: JobExecutorRegistry,
    private readonly events: JobEvents,
    private readonly logs: JobLogs,
    private readonly settings: JobSettings,
    private readonly processes: ProcessGroups,
  ) {}

  /** Never rejects for what an executor does; the outcome is in the job's row. */
  async run(jobId: number, signal: AbortSignal, shutdownSignal: AbortSignal): Promise<void> {
    const record = await this.store.find(jobId);
    if (!record || record.job.status !== 'queued') return;
    const run = new JobRun(record, signal, shutdownSignal, {
      store: this.store,
      processes: this.processes,
      registry: this.registry,
      events: this.events,
      logs: this.logs,
      settings: this.settings,
      logger: this.logger,
    });
    this.active.set(jobId, run);
    try {
      await run.execute();
    } finally {
      this.active.delete(jobId);
    }
  }

  /**
   * A line in a job's log from outside its steps. A running job writes it through its own writer (which tracks the
   * file's size for the SSE offsets); otherwise nothing else has the file open, and a writer of its own is safe.
   */
  note(record: JobRecord, level: JobLogLevel, message: string): void {
    const { job } = record;
    const run = this.active.get(job.id);
    if (run) return run.note(level, message);
    const log = this.logs.writer(job.id, {
      truncated: job.logTruncated,
      onLine: (line, nextOffset) => this.events.publish(job.id, { type: 'log', jobId: job.id, line, nextOffset }),
    });
    log.write(level, message);
    log.close();
  }

  /** A queued job cancelled before it started: its steps are skipped and nothing runs. */
  async cancelQueued(record: JobRecord): Promise<void> {
    const { job, steps } = record;
    const log = this.logs.writer(job.id, {
      truncated: job.logTruncated,
      onLine: (line, nextOffset) => this.events.publish(job.id, { type: 'log', jobId: job.id, line, nextOffset }),
    });
    log.write('warning', 'Cancelled before it started');
    log.close();
    for (const step of steps) await this.store.updateStep(step, { status: 'skipped' });
    await this.store.updateJob(job, { status: 'cancelled', finishedAt: new Date(), logTruncated: log.isTruncated });
    const dto = toJobDto(record);
    this.events.publish(job.id, { type: 'status', job: dto });
    this.events.publish(job.id, { type: 'done', job: dto });
  }
}
