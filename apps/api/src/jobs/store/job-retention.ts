import { setImmediate as nextTurn } from 'node:timers/promises';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { JobLogs } from '../logs/job-logs';
import { JobSettings } from '../engine/job-settings';
import { JobPlannerStatistics } from './job-planner-statistics';
import { JobStore } from './job-store';

const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_BATCH = 100;
/** A batch on a busy machine takes long for reasons its size does not change; smaller ones would only add commits. */
const MIN_BATCH = 100;
const MAX_BATCH = 500;

/**
 * Keeps the job history to BORGITORY_JOB_RETENTION_DAYS: at start and then daily, finished jobs created longer ago
 * are deleted with their steps and log files. Jobs that are queued or running stay, and so does the newest job of
 * each repository and of each schedule, however old (it is what their pages show as the last run). Deletion goes in
 * small batches, each its own transaction, with a turn of the event loop between them; a batch's size follows how
 * long the one before took, so that none holds the server for long. After each pass, the query planner's statistics of
 * the history are taken again if it has changed size a lot.
 */
@Injectable()
export class JobRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('JobRetention');
  private timer: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private pass: Promise<number> | null = null;
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: JobStore,
    private readonly logs: JobLogs,
    private readonly settings: JobSettings,
    private readonly statistics: JobPlannerStatistics,
  ) {}

  onApplicationBootstrap(): void {
    setImmediate(() => void this.run());
    this.timer = setInterval(() => void this.run(), this.settings.retentionIntervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    clearTimeout(this.retry);
    await this.pass;
  }

  /**
   * One pass (or the one under way); resolves with how many jobs it removed. Never rejects: a failure is logged and
   * the pass tried again later.
   */
  run(): Promise<number> {
    this.pass ??= this.removeExpired()
      .then(async (removed) => {
        await this.statistics.refresh();
        return removed;
      })
      .catch((error: unknown) => {
        this.logger.error(
          { err: error },
          `Removing old jobs failed; trying again in ${Math.round(this.settings.retentionRetryMs / 60_000)} minutes`,
        );
        this.retryLater();
        return 0;
      })
      .finally(() => (this.pass = null));
    return this.pass;
  }

  private retryLater(): void {
    if (this.stopping) return;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.run(), this.settings.retentionRetryMs);
    this.retry.unref();
  }

  private async removeExpired(): Promise<number> {
    const days = this.config.jobRetentionDays;
    const cutoff = new Date(Date.now() - days * DAY_MS);
    const keep = await this.store.newestOfEachRepositoryAndSchedule();
    let removed = 0;
    let batch = FIRST_BATCH;
    while (!this.stopping) {
      const started = performance.now();
      const ids = await this.store.removeFinishedBefore(cutoff, keep, batch);
      const tookMs = performance.now() - started;
      if (ids.length === 0) break;
      await this.logs.remove(ids);
      removed += ids.length;
      batch = nextBatchSize(batch, tookMs, this.settings.retentionBatchMs);
      await nextTurn();
    }
    if (removed > 0) {
      this.logger.log(
        `Removed ${removed} finished jobs created more than ${days} days ago (before ${cutoff.toISOString()}), with their steps and logs`,
      );
    }
    return removed;
  }
}

/** In proportion to how far the last batch was from the target, but at most twice as many (one fast batch proves little). */
function nextBatchSize(size: number, tookMs: number, targetMs: number): number {
  const proportional = Math.round((size * targetMs) / Math.max(tookMs, 1));
  return Math.min(MAX_BATCH, 2 * size, Math.max(MIN_BATCH, proportional));
}
