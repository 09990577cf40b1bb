import { LineSplitter, spawnGroup } from '@borgitory/process-group';
import { classifyRcloneFailure, RcloneError, scrub } from './rclone-error';
import { parseRcloneLine } from './rclone-log';
import type { RcloneCallOptions, RcloneEvent, RcloneProgress } from './types';

export interface RcloneCallSpec {
  bin: string;
  /** argv without the binary. */
  args: string[];
  /** For messages: "sync", "lsf". */
  subcommand: string;
  env: Record<string, string>;
  /** Written to stdin, which is then closed. */
  stdin?: string;
  /** 'collect' keeps stdout (small outputs), 'lines' hands out each line, 'ignore' drops it. */
  stdout: 'collect' | 'lines' | 'ignore';
  onStdoutLine?: (line: string) => void;
  /** Scrubbed from every message. */
  secrets: string[];
  call?: RcloneCallOptions;
  timeoutMs?: number;
  killGraceMs?: number;
}

export interface RcloneCallResult {
  stdout: string;
  progress: RcloneProgress | null;
  /** Error and warning lines of a call that still succeeded. */
  warnings: string[];
}

const KEPT_ERROR_LINES = 20;

/** Runs one rclone process in its own process group; stderr (JSON log) becomes events; a failure an RcloneError. */
export async function runRclone(spec: RcloneCallSpec): Promise<RcloneCallResult> {
  const stderr = new LineSplitter();
  const stdoutLines = new LineSplitter();
  const stdoutChunks: Buffer[] = [];
  const problems: string[] = [];
  let progress: RcloneProgress | null = null;

  const handle = (line: string): void => {
    const parsed = parseRcloneLine(line);
    if (!parsed) return;
    const event: RcloneEvent = parsed.type === 'log' ? { ...parsed, message: scrub(parsed.message, spec.secrets) } : parsed;
    if (event.type === 'progress') progress = event.progress;
    else if (event.level === 'error' || event.level === 'critical' || event.level === 'warning') {
      problems.push(event.object ? `${event.object}: ${event.message}` : event.message);
      if (problems.length > KEPT_ERROR_LINES) problems.shift();
    }
    try {
      spec.call?.onEvent?.(event);
    } catch {
      // A failing listener must not break the call.
    }
  };

  const child = spawnGroup({
    bin: spec.bin,
    args: spec.args,
    env: spec.env,
    stdin: spec.stdin,
    stdout: spec.stdout === 'ignore' ? 'ignore' : 'pipe',
    onStderr: (chunk) => stderr.push(chunk).forEach(handle),
    signal: spec.call?.signal,
    timeoutMs: spec.call?.timeoutMs ?? spec.timeoutMs,
    killGraceMs: spec.killGraceMs,
  });
  if (child.pid !== undefined) spec.call?.onSpawn?.(child.pid);
  child.stdout?.on('data', (chunk: Buffer) => {
    if (spec.stdout === 'collect') stdoutChunks.push(chunk);
    else stdoutLines.push(chunk).forEach((line) => spec.onStdoutLine?.(line));
  });
  const exit = await child.exited;
  stderr.end().forEach(handle);
  if (spec.stdout === 'lines') stdoutLines.end().forEach((line) => spec.onStdoutLine?.(line));

  const command = spec.args;
  if (exit.spawnError) {
    const reason = exit.spawnError.code === 'ENOENT' ? `${spec.bin} was not found` : exit.spawnError.message;
    throw new RcloneError({ kind: 'spawn', exitCode: null, message: `rclone could not be started: ${reason}`, command });
  }
  if (exit.stoppedBy === 'cancelled')
    throw new RcloneError({ kind: 'cancelled', exitCode: null, message: `rclone ${spec.subcommand} was cancelled`, command });
  if (exit.stoppedBy === 'timeout') {
    throw new RcloneError({
      kind: 'timeout',
      exitCode: null,
      message: `rclone ${spec.subcommand} took too long and was stopped`,
      command,
      details: problems,
    });
  }
  if (exit.code !== 0) {
    const { kind, says } = classifyRcloneFailure(problems);
    const reason = mainReason(problems) ?? (exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`);
    const message = says ? `${says}: ${reason}` : `rclone ${spec.subcommand} failed: ${reason}`;
    throw new RcloneError({ kind, exitCode: exit.code, message, command, details: problems });
  }
  return { stdout: Buffer.concat(stdoutChunks).toString('utf8'), progress, warnings: problems };
}

/** rclone's own summary ("Failed to copy: NoSuchBucket: …") when it printed one, else its last error line. */
function mainReason(problems: string[]): string | null {
  const fatal = [...problems].reverse().find((line) => line.startsWith('Failed to '));
  const line = fatal ?? problems.at(-1);
  if (!line) return null;
  return line
    .replace(/^Failed to [\w ]+?: /, '')
    .split('\n')[0]
    .trim();
}
