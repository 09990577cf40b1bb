import { EventEmitter } from 'node:events';
import { Injectable, Logger } from '@nestjs/common';
import { JobLogLineDto } from '../dto/job-log.dto';
import { JobDto, JobProgressDto } from '../dto/job.dto';

export type JobEvent =
  | { type: 'status'; job: JobDto }
  | { type: 'progress'; jobId: number; progress: JobProgressDto }
  | { type: 'log'; jobId: number; line: JobLogLineDto; nextOffset: number }
  | { type: 'done'; job: JobDto };

const ALL_JOBS = 'all';
const FINISHED_JOBS = 'finished';
const channel = (jobId: number) => `job:${jobId}`;

/**
 * The in-process bus between running jobs and SSE clients. It remembers only
 * the latest progress of each unfinished job, so that a client that connects
 * mid-run sees it at once.
 */
@Injectable()
export class JobEvents {
  private readonly logger = new Logger('JobEvents');
  private readonly bus = new EventEmitter().setMaxListeners(0);
  private readonly latestProgress = new Map<number, JobProgressDto>();

  publish(jobId: number, event: JobEvent): void {
    if (event.type === 'progress') this.latestProgress.set(jobId, event.progress);
    if (event.type === 'done') this.latestProgress.delete(jobId);
    this.bus.emit(channel(jobId), event);
    if (event.type === 'status') this.bus.emit(ALL_JOBS, event);
    if (event.type === 'done') this.bus.emit(FINISHED_JOBS, event);
  }

  /** Events of one job; returns the unsubscribe function. */
  subscribe(jobId: number, listener: (event: JobEvent) => void): () => void {
    return this.listen(channel(jobId), listener);
  }

  /** Status events of every job. */
  subscribeAll(listener: (event: JobEvent) => void): () => void {
    return this.listen(ALL_JOBS, listener);
  }

  /** Every job as it finishes, once. */
  subscribeFinished(listener: (job: JobDto) => void): () => void {
    return this.listen(FINISHED_JOBS, (event) => {
      if (event.type === 'done') listener(event.job);
    });
  }

  progressOf(jobId: number): JobProgressDto | null {
    return this.latestProgress.get(jobId) ?? null;
  }

  /** Listeners that follow jobs as they run (SSE clients); the server's own subscribers to finished jobs are not counted. */
  listenerCount(): number {
    return this.bus
      .eventNames()
      .filter((name) => name !== FINISHED_JOBS)
      .reduce((sum, name) => sum + this.bus.listenerCount(name), 0);
  }

  /** A failing listener (a client that went away mid-write) must not break the job that published. */
  private listen(name: string, listener: (event: JobEvent) => void): () => void {
    const safe = (event: JobEvent) => {
      try {
        listener(event);
      } catch (error) {
        this.logger.warn({ err: error }, 'A job event listener failed');
      }
    };
    this.bus.on(name, safe);
    return () => this.bus.off(name, safe);
  }
}
