import { Injectable } from '@nestjs/common';

export const DEFAULT_LOG_MAX_BYTES = 10 * 1024 * 1024;

/** Limits and intervals of the job engine. Not user settings: the defaults are the product; tests shrink them. */
@Injectable()
export class JobSettings {
  /** Past this a job's log gets one "truncated" line and nothing more. */
  logMaxBytes = DEFAULT_LOG_MAX_BYTES;
  /** Progress events to clients, per job. */
  progressEventIntervalMs = 250;
  /** Progress writes to the database, per job. */
  progressPersistIntervalMs = 2000;
  sseKeepAliveMs = 15_000;
  /** Crash recovery: SIGKILL follows SIGTERM to an orphaned borg group after this long. */
  orphanKillGraceMs = 5000;
  /** How long POST /cancel waits for a running job to settle before answering. */
  cancelWaitMs = 10_000;
  /** How long shutdown waits for running jobs to settle. */
  shutdownWaitMs = 15_000;
  /** Old jobs are removed at start and then this often. */
  retentionIntervalMs = 24 * 60 * 60 * 1000;
  /** A pass that failed (a busy or full disk, say) is tried again after this long, not only the next day. */
  retentionRetryMs = 10 * 60 * 1000;
  /** How long one batch of removals may hold the event loop; the batch size follows what the last one took. */
  retentionBatchMs = 10;
}
