import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { JobRunner, StopReason } from './job-runner';
import { JobSettings } from './job-settings';

export interface QueuedJob {
  id: number;
  repositoryId: number | null;
}

interface RunningJob {
  repositoryId: number | null;
  controller: AbortController;
  settled: Promise<void>;
}

/** The abort reason of an idle task whose repository is being removed. */
const REPOSITORY_REMOVED = 'repository removed';

/** Work on a repository that must not overlap its jobs; see JobQueue.runWhenIdle. */
export type IdleTask = (signal: AbortSignal) => Promise<void>;

interface WaitingIdleTask {
  repositoryId: number;
  task: IdleTask;
}

interface RunningIdleTask {
  controller: AbortController;
  settled: Promise<void>;
}

/**
 * First come, first served, with two limits: one running job per repository
 * (borg locks it; the next one waits rather than fails) and
 * maxConcurrentJobs in all. Jobs without a repository count only against the
 * second. The queue starts once crash recovery has put back what was queued.
 * Below the jobs, each repository may have one idle task (runWhenIdle) of each kind waiting and one running, and
 * at most maxConcurrentJobs idle tasks run in all (the monitor reads every repository's archive list at once).
 */
@Injectable()
export class JobQueue implements BeforeApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private readonly waiting: QueuedJob[] = [];
  private readonly running = new Map<number, RunningJob>();
  /** By repository and kind of task ("12 statistics"). */
  private readonly idleWaiting = new Map<string, WaitingIdleTask>();
  private readonly idleRunning = new Map<number, RunningIdleTask>();
  private readonly shutdown = new AbortController();
  private started = false;
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: JobRunner,
    private readonly settings: JobSettings,
  ) {}

  add(job: QueuedJob): void {
    if (this.running.has(job.id) || this.waiting.some((waiting) => waiting.id === job.id)) return;
    this.waiting.push(job);
    if (job.repositoryId !== null) this.idleRunning.get(job.repositoryId)?.controller.abort();
    this.pump();
  }

  /**
   * Low-priority work on a repository that must not overlap its jobs (borg reading its statistics): it starts
   * once no job of the repository is running or waiting. A job that arrives meanwhile aborts it and starts when it
   * has ended; the task then runs again after that job. A newer task of the same kind replaces one still waiting;
   * tasks of other kinds wait beside it and run one after the other. Idle tasks do not count against the jobs'
   * maxConcurrentJobs but have a limit of the same size of their own, first come first served; the task logs its own
   * failures (a rejection is only logged here).
   */
  runWhenIdle(repositoryId: number, task: IdleTask, kind = 'statistics'): void {
    this.idleWaiting.set(`${repositoryId} ${kind}`, { repositoryId, task });
    this.pump();
  }

  start(): void {
    this.started = true;
    this.pump();
  }

  /** Takes a job out of the queue before it started; false when it is not waiting. */
  withdraw(id: number): boolean {
    const index = this.waiting.findIndex((job) => job.id === id);
    if (index < 0) return false;
    this.waiting.splice(index, 1);
    this.pump(); // an idle task may have been waiting for it
    return true;
  }

  isRunning(id: number): boolean {
    return this.running.has(id);
  }

  /** Aborts a running job and waits, at most waitMs, for the runner to settle it. */
  async stop(id: number, reason: StopReason, waitMs: number): Promise<void> {
    const job = this.running.get(id);
    if (!job) return;
    job.controller.abort(reason);
    await settleWithin(job.settled, waitMs);
  }

  /**
   * Before a repository is removed: its waiting idle tasks are dropped, and a running one is aborted (not to run
   * again) and awaited, so that none of its borg processes outlives the repository (an ssh of one could otherwise
   * write the host key back after the removal forgot it).
   */
  async stopIdleWork(repositoryId: number): Promise<void> {
    for (const [key, idle] of this.idleWaiting) if (idle.repositoryId === repositoryId) this.idleWaiting.delete(key);
    const running = this.idleRunning.get(repositoryId);
    if (!running) return;
    running.controller.abort(REPOSITORY_REMOVED);
    await running.settled;
  }

  /** Runs before the database closes: running jobs are aborted and recorded as interrupted, not cancelled; idle tasks are aborted. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.shutdown.abort('shutdown' satisfies StopReason);
    const work = [...this.running.values(), ...this.idleRunning.values()];
    for (const each of work) each.controller.abort('shutdown' satisfies StopReason);
    const settled = await settleWithin(Promise.all(work.map((each) => each.settled)), this.settings.shutdownWaitMs);
    if (!settled) this.logger.warn(`Jobs still running after ${this.settings.shutdownWaitMs} ms; crash recovery will finish them off`);
  }

  private pump(): void {
    if (!this.started || this.stopping) return;
    let index = 0;
    while (index < this.waiting.length && this.running.size < this.config.maxConcurrentJobs) {
      const job = this.waiting[index];
      if (job.repositoryId !== null && this.repositoryBusy(job.repositoryId)) {
        index++;
        continue;
      }
      this.waiting.splice(index, 1);
      this.launch(job);
    }
    for (const [key, idle] of this.idleWaiting) {
      if (this.idleRunning.size >= this.config.maxConcurrentJobs) break;
      const { repositoryId } = idle;
      if (this.repositoryBusy(repositoryId) || this.waiting.some((job) => job.repositoryId === repositoryId)) continue;
      this.idleWaiting.delete(key);
      this.launchIdle(key, idle);
    }
  }

  private repositoryBusy(repositoryId: number): boolean {
    if (this.idleRunning.has(repositoryId)) return true;
    for (const job of this.running.values()) if (job.repositoryId === repositoryId) return true;
    return false;
  }

  private launch(job: QueuedJob): void {
    const controller = new AbortController();
    const settled = this.runner
      .run(job.id, controller.signal, this.shutdown.signal)
      .catch((error: unknown) => this.logger.error({ err: error, job_id: job.id }, `Job ${job.id} could not be run`))
      .finally(() => {
        this.running.delete(job.id);
        this.pump();
      });
    this.running.set(job.id, { repositoryId: job.repositoryId, controller, settled });
  }

  private launchIdle(key: string, idle: WaitingIdleTask): void {
    const { repositoryId, task } = idle;
    const controller = new AbortController();
    const settled = Promise.resolve()
      .then(() => task(controller.signal))
      .catch((error: unknown) => this.logger.error({ err: error, repository_id: repositoryId }, 'Background work on a repository failed'))
      .finally(() => {
        this.idleRunning.delete(repositoryId);
        // Aborted for a job: it runs again after the job, unless a newer task took its place.
        const again = controller.signal.aborted && controller.signal.reason !== REPOSITORY_REMOVED && !this.stopping;
        if (again && !this.idleWaiting.has(key)) this.idleWaiting.set(key, idle);
        this.pump();
      });
    this.idleRunning.set(repositoryId, { controller, settled });
  }
}

/** true when the promise settled in time. */
async function settleWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
