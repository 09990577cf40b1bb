import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnGroup, type GroupExit } from '@borgitory/process-group';
import { parseAppriseOutcome } from './apprise-outcome';
import { appriseUrlProblem } from './apprise-url';
import { removeCallDirs, withCallDir } from './call-dir';
import type { AppriseMessage, AppriseNotifyType, AppriseOutcome, AppriseSendOptions } from './types';

export interface AppriseRunnerOptions {
  /** Default 'apprise' (looked up in PATH). */
  binary?: string;
  /**
   * A directory only the server can read (created 0700 if missing). Every call works in a fresh 0700 directory inside
   * it, removed when the call ends.
   */
  workDir: string;
  /** SIGKILL follows SIGTERM after this long when a call is ended. Default 5000. */
  killGraceMs?: number;
}

const NOTIFY_TYPES: readonly string[] = ['info', 'success', 'warning', 'failure'] satisfies AppriseNotifyType[];
const DEFAULT_TIMEOUT_MS = 30_000;
const VERSION_TIMEOUT_MS = 10_000;
/** Kept of apprise's output per stream; the reason is in the first lines. */
const MAX_OUTPUT_BYTES = 64 * 1024;
const DEFAULT_PATH = '/usr/local/bin:/usr/bin:/bin';
/**
 * The configuration line is `TAG=URL` and apprise is told to notify TAG only. Without a tag, a URL whose query holds
 * `=scheme://` (`?avatar=https://…`) would be read by Apprise's TEXT format as tags followed by a different URL.
 */
const TAG = 'borgitory';
const CONFIG_FILE = 'urls.txt';

/**
 * Sends notifications with the `apprise` binary (1.2.0) to any service it supports. argv arrays, never a shell; the
 * URL, which holds the service's tokens, never on argv: it is written to a 0600 file in a fresh 0700 directory, given
 * with --config and removed with the directory. The body goes through stdin. apprise gets a minimal environment with
 * HOME in that directory, so it reads no configuration or plugins of the server's user and none of the server's
 * secrets.
 */
export class AppriseRunner {
  private readonly binary: string;
  private readonly workDir: string;
  private readonly killGraceMs: number | undefined;

  constructor(options: AppriseRunnerOptions) {
    this.binary = options.binary ?? 'apprise';
    this.workDir = options.workDir;
    this.killGraceMs = options.killGraceMs;
  }

  /**
   * Sends one message to one Apprise URL. Never rejects for a delivery failure: the outcome says why (Apprise's own
   * reason from its -vv output, e.g. the HTTP status a service answered, or "timed out", or "apprise is not
   * installed"). Rejects only on abort, with the signal's reason.
   */
  async send(url: string, message: AppriseMessage, options: AppriseSendOptions = {}): Promise<AppriseOutcome> {
    options.signal?.throwIfAborted();
    const problem = appriseUrlProblem(url);
    if (problem) return { ok: false, reason: `the URL cannot be used: ${problem}` };
    if (!NOTIFY_TYPES.includes(message.type)) return { ok: false, reason: `"${String(message.type)}" is not a notification type` };
    let result: AppriseProcessResult;
    try {
      result = await withCallDir(this.workDir, async (dir) => {
        const config = join(dir, CONFIG_FILE);
        await writeFile(config, `${TAG}=${url}\n`, { mode: 0o600, flag: 'wx' });
        const args = [
          '-vv',
          `--config=${config}`,
          `--tag=${TAG}`,
          // No `include` of further configuration.
          '--recursion-depth=0',
          '--input-format=text',
          `--notification-type=${message.type}`,
          // One word: a title starting with "-" cannot be taken for an option. argv cannot carry NUL.
          `--title=${message.title.replace(/\0/g, '')}`,
        ];
        return this.run(dir, args, {
          stdin: message.body,
          signal: options.signal,
          timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          onSpawn: options.onSpawn,
        });
      });
    } catch (error) {
      // The call directory could not be made, written or removed (a full disk, a workDir the server cannot write).
      return { ok: false, reason: `could not prepare the call: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    }
    const { exit, output } = result;
    if (exit.stoppedBy === 'cancelled') throw options.signal?.reason ?? new Error('The call was aborted');
    if (exit.stoppedBy === 'timeout') return { ok: false, reason: 'timed out' };
    if (exit.spawnError) return { ok: false, reason: spawnProblem(exit.spawnError) };
    return parseAppriseOutcome({ exitCode: exit.code, signal: exit.signal, output, url });
  }

  /**
   * Removes the call directories, with the URL files in them, that a server killed in the middle of a call left in
   * workDir; how many there were. For start-up, before the first send: it would also remove those of calls running.
   */
  removeLeftovers(): Promise<number> {
    return removeCallDirs(this.workDir);
  }

  /** "1.2.0", or null when the binary is missing (or prints no version). */
  async version(): Promise<string | null> {
    try {
      const { exit, output } = await withCallDir(this.workDir, (dir) => this.run(dir, ['--version'], { timeoutMs: VERSION_TIMEOUT_MS }));
      if (exit.code !== 0) return null;
      return /^Apprise v(\S+)/m.exec(output)?.[1] ?? null;
    } catch {
      return null;
    }
  }

  private async run(
    dir: string,
    args: string[],
    call: { stdin?: string; signal?: AbortSignal; timeoutMs: number; onSpawn?: (pid: number) => void },
  ): Promise<AppriseProcessResult> {
    const stdout = new BoundedText(MAX_OUTPUT_BYTES);
    const stderr = new BoundedText(MAX_OUTPUT_BYTES);
    const child = spawnGroup({
      bin: this.binary,
      args,
      env: appriseEnv(dir),
      cwd: dir,
      stdin: call.stdin ?? '',
      stdout: 'pipe',
      onStderr: (chunk) => stderr.push(chunk),
      signal: call.signal,
      timeoutMs: call.timeoutMs,
      killGraceMs: this.killGraceMs,
    });
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    if (child.pid !== undefined) call.onSpawn?.(child.pid);
    const exit = await child.exited;
    return { exit, output: `${stdout.text()}\n${stderr.text()}` };
  }
}

interface AppriseProcessResult {
  exit: GroupExit;
  /** apprise logs to stdout; click's errors and tracebacks go to stderr. */
  output: string;
}

/** The whole environment of apprise: nothing of the server's (it may hold BORGITORY_SECRET_KEY). */
function appriseEnv(dir: string, path = process.env['PATH']): Record<string, string> {
  return { PATH: path || DEFAULT_PATH, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', HOME: dir, TMPDIR: dir };
}

function spawnProblem(error: NodeJS.ErrnoException): string {
  return error.code === 'ENOENT' ? 'apprise is not installed' : `apprise could not be started: ${error.code ?? error.message}`;
}

/** The first bytes of a stream. */
class BoundedText {
  private readonly chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    if (this.size >= this.limit) return;
    const kept = chunk.subarray(0, this.limit - this.size);
    this.chunks.push(kept);
    this.size += kept.length;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
