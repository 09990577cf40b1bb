import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { PROCESS_MARK_VARIABLE, processMarkInEffect } from './marks';

export type StopReason = 'cancelled' | 'timeout';

export interface GroupSpawnOptions {
  bin: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
  /**
   * A string is written to the child's stdin, which is then closed; a stream is piped into it (and ends it when it
   * ends). Without it stdin is /dev/null ('ignore').
   */
  stdin?: string | Readable;
  /** 'pipe' exposes stdout; 'ignore' sends it to /dev/null. */
  stdout: 'pipe' | 'ignore';
  onStderr: (chunk: Buffer) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** SIGKILL follows SIGTERM after this long. Default 5000. */
  killGraceMs?: number;
}

export interface GroupExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when we ended the child (abort or timeout). */
  stoppedBy: StopReason | null;
  /** Set when the child could not be started at all. */
  spawnError: NodeJS.ErrnoException | null;
}

export interface GroupProcess {
  pid: number | undefined;
  stdout: Readable | null;
  /** Settles (never rejects) once the child has exited and its stdio is closed. */
  exited: Promise<GroupExit>;
  /** Ends the whole process group: SIGTERM, then SIGKILL after the grace period. No-op once it has exited. */
  stop(reason: StopReason): void;
}

const DEFAULT_KILL_GRACE_MS = 5000;

/** Process groups still running; SIGTERMed if this Node process exits (best effort: not on SIGKILL of Node). */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const pgid of liveGroups) killGroup(pgid, 'SIGTERM');
  });
}

/** Signals a whole process group; false when it no longer exists. */
export function killGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Spawns a child (argv array, no shell) as the leader of its own process group, so that stopping it also ends
 * anything it started (borg's ssh). Abort and timeout stop the group; timers are unref'd and cleared at exit.
 * Started inside withProcessMark, the child carries the mark in its environment.
 */
export function spawnGroup(options: GroupSpawnOptions): GroupProcess {
  const grace = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
  let stoppedBy: StopReason | null = null;
  let exitedAlready = false;
  let closed = false;
  let killTimer: NodeJS.Timeout | undefined;
  let lingerTimer: NodeJS.Timeout | undefined;
  let timeoutTimer: NodeJS.Timeout | undefined;

  if (options.signal?.aborted) {
    return {
      pid: undefined,
      stdout: null,
      exited: Promise.resolve({ code: null, signal: null, stoppedBy: 'cancelled', spawnError: null }),
      stop: () => undefined,
    };
  }

  const mark = processMarkInEffect();
  const child = spawn(options.bin, options.args, {
    cwd: options.cwd,
    env: mark === undefined ? options.env : { ...options.env, [PROCESS_MARK_VARIABLE]: mark },
    detached: true,
    shell: false,
    windowsHide: true,
    stdio: [options.stdin === undefined ? 'ignore' : 'pipe', options.stdout, 'pipe'],
  });
  const pid = child.pid;
  if (pid !== undefined) {
    liveGroups.add(pid);
    installExitHook();
  }

  const stop = (reason: StopReason): void => {
    if (exitedAlready || pid === undefined || stoppedBy) return;
    stoppedBy = reason;
    killGroup(pid, 'SIGTERM');
    killTimer = setTimeout(() => killGroup(pid, 'SIGKILL'), grace);
    killTimer.unref();
    // A paused stdout would keep 'close' from ever firing; the call is failing anyway.
    child.stdout?.destroy();
  };

  const onAbort = (): void => stop('cancelled');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.timeoutMs !== undefined && options.timeoutMs > 0) {
    timeoutTimer = setTimeout(() => stop('timeout'), options.timeoutMs);
    timeoutTimer.unref();
  }

  child.stderr?.on('data', (chunk: Buffer) => options.onStderr(chunk));
  if (options.stdin !== undefined && child.stdin) {
    child.stdin.on('error', () => undefined); // EPIPE when the child does not read its stdin
    if (typeof options.stdin === 'string') child.stdin.end(options.stdin);
    else options.stdin.pipe(child.stdin);
  }

  const exited = new Promise<GroupExit>((resolve) => {
    const finish = (result: Omit<GroupExit, 'stoppedBy'>): void => {
      if (closed) return;
      closed = true;
      clearTimeout(killTimer);
      clearTimeout(lingerTimer);
      clearTimeout(timeoutTimer);
      options.signal?.removeEventListener('abort', onAbort);
      if (pid !== undefined) liveGroups.delete(pid);
      resolve({ ...result, stoppedBy });
    };
    child.once('exit', () => {
      exitedAlready = true;
      if (pid === undefined) return;
      // We stopped it: finish off anything left in the group right away.
      if (stoppedBy) killGroup(pid, 'SIGKILL');
      // Something left in the group keeps the pipes open: end it after the grace period.
      lingerTimer = setTimeout(() => killGroup(pid, 'SIGKILL'), grace);
      lingerTimer.unref();
    });
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => finish({ code, signal, spawnError: null }));
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (pid === undefined) finish({ code: null, signal: null, spawnError: error });
    });
  });

  return { pid, stdout: child.stdout, exited, stop };
}
