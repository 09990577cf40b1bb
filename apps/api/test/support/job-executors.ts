import { ChildProcess, spawn } from 'node:child_process';
import { JobStepType, JobType } from '@borgitory/job-states';
import { JobDto } from '../../src/jobs/dto/job.dto';
import { JobContext, JobExecutor, JobOutcome } from '../../src/jobs/engine/job-executor';
import { DomainError } from '../../src/platform/errors/domain-error';
import { ErrorCode } from '../../src/platform/errors/error-code';
import { JobExecutorRegistry } from '../../src/jobs/engine/job-executor-registry';
import { EnqueueRequest, JobsService } from '../../src/jobs/jobs.service';

/**
 * A stand-in for a real executor, registered under a real type. It takes knobs of its own (duration_ms, outcome…)
 * and reports figures of its own instead of its type's contract: the engine carries both without reading them.
 */
export interface StandInExecutor {
  readonly type: JobStepType;
  run(context: JobContext<object>): Promise<JobOutcome<object>>;
}

/** A job for stand-ins: any type, with knobs as its parameters and its steps'. */
export type StandInRequest = Omit<EnqueueRequest, 'type' | 'parameters' | 'steps'> & {
  type: JobType;
  parameters: object;
  steps?: Array<{ type: JobStepType; parameters?: object; runOnFailure?: boolean }>;
};

export function asExecutor(standIn: StandInExecutor): JobExecutor {
  return standIn as JobExecutor;
}

export function registerStandIn(registry: JobExecutorRegistry, standIn: StandInExecutor): void {
  registry.register(asExecutor(standIn));
}

export function enqueueStandIn(jobs: JobsService, request: StandInRequest): Promise<JobDto> {
  return jobs.enqueue(request as EnqueueRequest);
}

export interface RunRecord {
  jobId: number;
  repositoryId: number | null;
  start: number;
  end: number;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stands in for borg: spawns `sleep` as the leader of its own process group,
 * reports its pid, logs a line and reports progress on every tick, and kills
 * the group when the job is cancelled. Parameters: duration_ms (default 300),
 * or until_cancelled: true; tick_ms (default 50).
 */
export class SleepingExecutor implements StandInExecutor {
  readonly runs: RunRecord[] = [];
  readonly pids = new Map<number, number>();

  constructor(readonly type: JobType = 'check') {}

  async run(context: JobContext<object>): Promise<JobOutcome<object>> {
    const start = Date.now();
    const {
      duration_ms = 300,
      until_cancelled = false,
      tick_ms = 50,
    } = context.parameters as {
      duration_ms?: number;
      until_cancelled?: boolean;
      tick_ms?: number;
    };
    // Long enough for any test: once it has ended, the loop below stops rather than spin on a settled promise.
    const child = spawn('sleep', ['3600'], { detached: true, stdio: 'ignore' });
    const pid = child.pid as number;
    let gone = false;
    const exited = new Promise((resolve) => child.once('exit', resolve)).then(() => (gone = true));
    this.pids.set(context.jobId, pid);
    context.processStarted(pid);
    const killGroup = () => signalGroup(pid, 'SIGTERM');
    context.signal.addEventListener('abort', killGroup, { once: true });
    try {
      let ticks = 0;
      while (!context.signal.aborted && !gone && (until_cancelled || Date.now() - start < duration_ms)) {
        ticks++;
        context.log('info', `tick ${ticks}`);
        context.progress({ files: ticks, original_size: ticks * 1000, current_path: `/data/file-${ticks}` });
        await Promise.race([delay(tick_ms), exited]);
      }
      if (context.signal.aborted || gone) {
        await exited;
        throw new Error('sleep was killed');
      }
      return { status: 'completed', result: { ticks }, warnings: [] };
    } finally {
      context.signal.removeEventListener('abort', killGroup);
      signalGroup(pid, 'SIGKILL');
      this.runs.push({ jobId: context.jobId, repositoryId: context.repositoryId, start, end: Date.now() });
    }
  }
}

/**
 * Ends as `parameters.outcome` says: completed (default), warning, failure
 * (DomainError), crash (a plain Error). Logs `parameters.lines` lines first.
 */
export class OutcomeExecutor implements StandInExecutor {
  constructor(readonly type: JobType = 'compact') {}

  async run(context: JobContext<object>): Promise<JobOutcome<object>> {
    const { outcome = 'completed', lines = 0 } = context.parameters as { outcome?: string; lines?: number };
    for (let line = 1; line <= lines; line++) context.log(line % 10 === 0 ? 'warning' : 'info', `line ${line} of ${lines}`);
    switch (outcome) {
      case 'warning':
        context.log('warning', 'file changed while we backed it up: /data/a.txt');
        return { status: 'warning', result: { pruned: 2 }, warnings: ['file changed while we backed it up: /data/a.txt'] };
      case 'failure':
        throw new DomainError(ErrorCode.BORG_ERROR, 'borg compact failed: the repository is damaged');
      case 'crash':
        throw new Error('boom: an internal detail that no client may see');
      default:
        return { status: 'completed', result: { freed_bytes: 1024 }, warnings: [] };
    }
  }
}

export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/** A detached process whose command line is `argv0 …` (e.g. borg-fake), leading its own group; env adds to the test's. */
export function spawnNamed(argv0: string, seconds: number, env: Record<string, string> = {}): ChildProcess {
  return spawn('bash', ['-c', `exec -a ${argv0} sleep ${seconds}`], { detached: true, stdio: 'ignore', env: { ...process.env, ...env } });
}

export async function waitUntil(predicate: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await delay(20);
  }
}
