import { Injectable } from '@nestjs/common';
import { LineSplitter, spawnGroup } from '@borgitory/process-group';

export interface HookCommand {
  /** argv, or with shell one line for /bin/sh -c. */
  command: string[];
  shell: boolean;
  env: Record<string, string>;
  timeoutMs: number;
}

export interface HookCallbacks {
  signal: AbortSignal;
  onSpawn: (pid: number) => void;
  onLine: (stream: 'stdout' | 'stderr', line: string) => void;
}

export type HookExit =
  | { outcome: 'exited'; code: number }
  | { outcome: 'killed'; signal: string }
  | { outcome: 'timed_out' }
  | { outcome: 'cancelled' }
  | { outcome: 'not_started'; reason: string };

const KILL_GRACE_MS = 5000;
const MAX_LINE_LENGTH = 64 * 1024;

/**
 * Runs a hook's command as the leader of its own process group (a cancel or timeout ends whatever it started too),
 * with stdin closed, in /, and its output read line by line.
 */
@Injectable()
export class HookProcesses {
  async run(hook: HookCommand, callbacks: HookCallbacks): Promise<HookExit> {
    const [bin, args] = hook.shell ? ['/bin/sh', ['-c', hook.command[0]]] : [hook.command[0], hook.command.slice(1)];
    const stderr = new LineSplitter(MAX_LINE_LENGTH);
    const stdout = new LineSplitter(MAX_LINE_LENGTH);
    const child = spawnGroup({
      bin,
      args,
      env: hook.env,
      cwd: '/',
      stdout: 'pipe',
      onStderr: (chunk) => stderr.push(chunk).forEach((line) => callbacks.onLine('stderr', line)),
      signal: callbacks.signal,
      timeoutMs: hook.timeoutMs,
      killGraceMs: KILL_GRACE_MS,
    });
    if (child.pid !== undefined) callbacks.onSpawn(child.pid);
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk).forEach((line) => callbacks.onLine('stdout', line)));
    const exit = await child.exited;
    stdout.end().forEach((line) => callbacks.onLine('stdout', line));
    stderr.end().forEach((line) => callbacks.onLine('stderr', line));
    if (exit.spawnError) return { outcome: 'not_started', reason: exit.spawnError.code ?? exit.spawnError.message };
    if (exit.stoppedBy === 'timeout') return { outcome: 'timed_out' };
    if (exit.stoppedBy === 'cancelled') return { outcome: 'cancelled' };
    if (exit.signal) return { outcome: 'killed', signal: exit.signal };
    return { outcome: 'exited', code: exit.code ?? -1 };
  }
}
