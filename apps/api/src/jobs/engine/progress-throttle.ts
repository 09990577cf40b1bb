import { JobProgressDto } from '../dto/job.dto';
import { JobProgress } from './job-executor';

const FIELDS = [
  'files',
  'original_size',
  'compressed_size',
  'deduplicated_size',
  'current_path',
  'current',
  'total',
  'message',
  'phase',
  'percent',
  'eta_seconds',
  'estimated',
  'rate_bytes_per_second',
] as const satisfies readonly (keyof JobProgress)[];

export interface ProgressThrottleOptions {
  jobStartedAt: number;
  emitIntervalMs: number;
  persistIntervalMs: number;
  emit(progress: JobProgressDto): void;
  persist(progress: JobProgressDto): void;
  now?: () => number;
}

/**
 * Merges the progress reports of the running step and passes the latest
 * state on at a bounded rate: to clients at most once per emit interval, to
 * the database at most once per persist interval, however often borg reports.
 */
export class ProgressThrottle {
  private state: JobProgress = {};
  private lastEmitted: JobProgressDto | null = null;
  private stepStartedAt: number;
  private readonly now: () => number;
  private readonly emitter: Pacer;
  private readonly persister: Pacer;

  constructor(private readonly options: ProgressThrottleOptions) {
    this.now = options.now ?? Date.now;
    this.stepStartedAt = this.now();
    this.emitter = new Pacer(options.emitIntervalMs, this.now, () => {
      this.lastEmitted = this.snapshot();
      options.emit(this.lastEmitted);
    });
    this.persister = new Pacer(options.persistIntervalMs, this.now, () => options.persist(this.snapshot()));
  }

  /** Each step reports its own progress, from nothing. */
  startStep(): void {
    this.emitter.flush();
    this.persister.cancel();
    this.state = {};
    this.stepStartedAt = this.now();
  }

  update(update: JobProgress): void {
    for (const field of FIELDS) {
      if (update[field] !== undefined) (this.state as Record<string, unknown>)[field] = update[field];
    }
    this.emitter.request();
    this.persister.request();
  }

  /** Sends what clients have not seen yet and stops; returns that last state to save, or null when nothing was reported. */
  stop(): JobProgressDto | null {
    this.emitter.flush();
    this.persister.cancel();
    return Object.keys(this.state).length > 0 ? this.lastEmitted : null;
  }

  private snapshot(): JobProgressDto {
    const now = this.now();
    const stepSeconds = (now - this.stepStartedAt) / 1000;
    const bytes = this.state.original_size;
    const { current, total } = this.state;
    return {
      ...this.state,
      // A percentage the step gave (an estimate) wins over one counted from borg's progress lines of other phases.
      ...(current !== undefined && total && this.state.percent === undefined ? { percent: Math.floor((current / total) * 1000) / 10 } : {}),
      rate_bytes_per_second:
        this.state.rate_bytes_per_second ?? (bytes !== undefined && stepSeconds > 0 ? Math.round(bytes / stepSeconds) : null),
      elapsed_seconds: Math.round((now - this.options.jobStartedAt) / 100) / 10,
    };
  }
}

/** Runs `action` at most once per interval: at once when the interval has passed, else once when it ends. */
class Pacer {
  private last = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number,
    private readonly action: () => void,
  ) {}

  request(): void {
    if (this.timer) return;
    const wait = this.last + this.intervalMs - this.now();
    if (wait <= 0) return this.fire();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.fire();
    }, wait);
    this.timer.unref();
  }

  /** Runs a pending action now. */
  flush(): void {
    if (!this.timer) return;
    this.cancel();
    this.fire();
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    this.last = this.now();
    this.action();
  }
}
