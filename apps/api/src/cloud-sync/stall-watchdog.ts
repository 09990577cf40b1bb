import type { RcloneEvent } from '@borgitory/rclone-runner';

/**
 * Stops an rclone call whose progress has not moved for a while. A remote that accepts connections and never answers
 * keeps rclone waiting and retrying for many minutes, and a sync holds its repository's queue all that time. Progress
 * is what rclone has done (bytes, checks, transfers, deletes), not its stats lines, which come every second regardless.
 */
export class StallWatchdog {
  /** For the rclone call: aborted when it stalls, or when the outer signal is. */
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly limitMs: number;
  private timer: NodeJS.Timeout;
  private done = '0/0/0/0';

  /** @param outer aborted by a cancel or a shutdown, if the call has one; the watchdog's signal follows it. */
  constructor(
    private readonly limitSeconds: number,
    outer?: AbortSignal,
  ) {
    this.limitMs = limitSeconds * 1000;
    this.signal = outer ? AbortSignal.any([outer, this.controller.signal]) : this.controller.signal;
    this.timer = setTimeout(() => this.controller.abort('stalled'), this.limitMs);
  }

  /** Whether the watchdog stopped the call. */
  get stalled(): boolean {
    return this.controller.signal.aborted;
  }

  /** Feed it every event of the call; only progress that moved restarts the count. */
  observe(event: RcloneEvent): void {
    if (event.type !== 'progress' || this.stalled) return;
    const { bytes, checks, transfers, deletes } = event.progress;
    const done = `${bytes}/${checks}/${transfers}/${deletes}`;
    if (done === this.done) return;
    this.done = done;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort('stalled'), this.limitMs);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  /** "No progress for 120 s: the remote did not answer, so the sync was stopped (BORGITORY_STALL_TIMEOUT_SECONDS)" */
  message(what: string): string {
    return `No progress for ${this.limitSeconds} s: the remote did not answer, so the ${what} was stopped (BORGITORY_STALL_TIMEOUT_SECONDS)`;
  }
}
