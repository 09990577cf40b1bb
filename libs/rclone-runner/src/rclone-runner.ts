import { buildRcloneEnv, remoteHostProblem, remotePath } from './rclone-env';
import { RcloneError } from './rclone-error';
import { runRclone, type RcloneCallSpec } from './rclone-call';
import type {
  RcloneCallOptions,
  RcloneCheckResult,
  RcloneRemote,
  RcloneTarget,
  RcloneTransferOptions,
  RcloneTransferResult,
} from './types';

export interface RcloneRunnerOptions {
  rcloneBin: string;
  baseEnv?: NodeJS.ProcessEnv;
  /** For calls that give none: short probes (test, list, objects). Default 60 s. */
  defaultTimeoutMs?: number;
  /**
   * rclone's --contimeout and --timeout for every call that reaches a remote: how long a connection may take to open,
   * or stay silent, before that attempt fails. Default 30 s (rclone's own are 1 and 5 minutes).
   */
  networkTimeoutSeconds?: number;
  killGraceMs?: number;
}

/**
 * Every option with a value is one word, `--flag=value`, so no value can be taken for an option whatever it starts with.
 * Every call: no config file (the remote is in the environment), JSON log lines on stderr.
 */
const COMMON_FLAGS = ['--config=', '--use-json-log'];
/** Probes should answer soon rather than retry for minutes against a server that is down. */
const PROBE_FLAGS = ['--retries=1', '--low-level-retries=1'];
/** Long calls ride out a dropped connection, within bounds: rclone's defaults (3 and 10) retry for many minutes. */
const TRANSFER_FLAGS = ['--retries=2', '--low-level-retries=3'];
const MAX_EXAMPLES = 20;

/**
 * Runs the `rclone` binary (1.60) with argv arrays, never a shell. A remote's credentials travel only in the child's
 * environment (RCLONE_CONFIG_TARGET_*), so they are neither in argv (visible in /proc to every user) nor on disk.
 */
export class RcloneRunner {
  private readonly bin: string;
  private readonly baseEnv: NodeJS.ProcessEnv;
  private readonly defaultTimeoutMs: number;
  private readonly networkFlags: string[];
  private readonly killGraceMs: number | undefined;

  constructor(options: RcloneRunnerOptions) {
    this.bin = options.rcloneBin;
    this.baseEnv = options.baseEnv ?? process.env;
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 60_000;
    const networkTimeout = options.networkTimeoutSeconds ?? 30;
    this.networkFlags = [`--contimeout=${networkTimeout}s`, `--timeout=${networkTimeout}s`];
    this.killGraceMs = options.killGraceMs;
  }

  /** "1.60.1-DEV" */
  async version(call: RcloneCallOptions = {}): Promise<string> {
    const { stdout } = await this.run(null, ['version'], 'version', { call, stdout: 'collect' });
    const match = /^rclone v(\S+)/m.exec(stdout);
    if (!match) throw new RcloneError({ kind: 'failed', exitCode: 0, message: 'rclone version printed no version', command: ['version'] });
    return match[1];
  }

  /** A password in the form rclone's config wants it; the clear text goes through stdin, never argv. */
  async obscure(secret: string): Promise<string> {
    const { stdout } = await this.run(null, ['obscure', '-'], 'obscure', { stdin: secret, stdout: 'collect', secrets: [secret] });
    return stdout.trim();
  }

  /** `rclone sync|copy SOURCE target:path`: sync mirrors (and deletes on the remote), copy never deletes there. */
  async transfer(source: string, target: RcloneTarget, options: RcloneTransferOptions): Promise<RcloneTransferResult> {
    const args = [options.mode, source, remotePath(target.path), '-v', '--stats=1s', ...TRANSFER_FLAGS, ...listFlags(target.remote)];
    if (options.bandwidthLimit) args.push(`--bwlimit=${options.bandwidthLimit}`);
    if (options.keepReplacedIn) args.push(`--backup-dir=${remotePath(options.keepReplacedIn)}`);
    const result = await this.run(target.remote, args, options.mode, { call: options, stdout: 'ignore', timeoutMs: 0 });
    return { progress: result.progress, warnings: result.warnings };
  }

  /** `rclone copy target:path DESTINATION`: the remote's files into a local directory. */
  async download(target: RcloneTarget, destination: string, call: RcloneCallOptions = {}): Promise<void> {
    await this.run(target.remote, ['copy', remotePath(target.path), destination, ...TRANSFER_FLAGS, ...listFlags(target.remote)], 'copy', {
      call,
      stdout: 'ignore',
      timeoutMs: 0,
    });
  }

  /**
   * `rclone check SOURCE target:path`: whether the remote holds the same files, by hash where both sides have one
   * (else by size), without downloading. oneWay: files only on the remote do not count (copy mode keeps them).
   */
  async check(source: string, target: RcloneTarget, options: RcloneCallOptions & { oneWay: boolean }): Promise<RcloneCheckResult> {
    const result: RcloneCheckResult = {
      matching: 0,
      differing: 0,
      missingOnRemote: 0,
      missingLocally: 0,
      errors: 0,
      comparedBy: 'size',
      examples: [],
    };
    const problems: Record<string, RcloneCheckResult['examples'][number]['problem']> = {
      '*': 'differs',
      '+': 'missing_on_remote',
      '-': 'missing_locally',
      '!': 'error',
    };
    const counters: Record<string, keyof RcloneCheckResult> = {
      '=': 'matching',
      '*': 'differing',
      '+': 'missingOnRemote',
      '-': 'missingLocally',
      '!': 'errors',
    };
    const args = [
      'check',
      source,
      remotePath(target.path),
      '--combined=-',
      '-v',
      '--stats=1s',
      ...TRANSFER_FLAGS,
      ...listFlags(target.remote),
      ...(options.oneWay ? ['--one-way'] : []),
    ];
    const call: RcloneCallOptions = {
      ...options,
      onEvent: (event) => {
        const hash = event.type === 'log' ? /^Using (\w+) for hash comparisons/.exec(event.message) : null;
        if (hash) result.comparedBy = hash[1];
        options.onEvent?.(event);
      },
    };
    const onStdoutLine = (line: string) => {
      const mark = line.slice(0, 1);
      const counter = counters[mark];
      if (!counter || line[1] !== ' ') return;
      (result[counter] as number)++;
      if (problems[mark] && result.examples.length < MAX_EXAMPLES) result.examples.push({ path: line.slice(2), problem: problems[mark] });
    };
    try {
      await this.run(target.remote, args, 'check', { call, stdout: 'lines', onStdoutLine, timeoutMs: 0 });
    } catch (error) {
      // Differences make rclone exit 1; they are the answer, not a failure.
      const differences = result.differing + result.missingOnRemote + result.missingLocally + result.errors;
      if (!(error instanceof RcloneError && error.kind === 'failed' && differences > 0)) throw error;
    }
    return result;
  }

  /** Names at the top of target:path (`rclone lsf`); a path that does not exist yet lists as empty where the backend allows. */
  async list(target: RcloneTarget, call: RcloneCallOptions = {}): Promise<string[]> {
    const names: string[] = [];
    await this.run(target.remote, ['lsf', remotePath(target.path), '--max-depth=1', ...PROBE_FLAGS, ...listFlags(target.remote)], 'lsf', {
      call,
      stdout: 'lines',
      onStdoutLine: (line) => {
        if (line !== '') names.push(line);
      },
    });
    return names;
  }

  /** Writes a small object (`rclone rcat`, its content through stdin). */
  async putObject(target: RcloneTarget, name: string, content: string, call: RcloneCallOptions = {}): Promise<void> {
    await this.run(target.remote, ['rcat', remotePath(join(target.path, name)), ...PROBE_FLAGS], 'rcat', {
      call,
      stdin: content,
      stdout: 'ignore',
    });
  }

  /** Reads a small object back (`rclone cat`). */
  async getObject(target: RcloneTarget, name: string, call: RcloneCallOptions = {}): Promise<string> {
    return (await this.run(target.remote, ['cat', remotePath(join(target.path, name)), ...PROBE_FLAGS], 'cat', { call, stdout: 'collect' }))
      .stdout;
  }

  async deleteObject(target: RcloneTarget, name: string, call: RcloneCallOptions = {}): Promise<void> {
    await this.run(target.remote, ['deletefile', remotePath(join(target.path, name)), ...PROBE_FLAGS], 'deletefile', {
      call,
      stdout: 'ignore',
    });
  }

  private run(
    remote: RcloneRemote | null,
    args: string[],
    subcommand: string,
    spec: Partial<Pick<RcloneCallSpec, 'stdin' | 'onStdoutLine' | 'timeoutMs'>> & {
      call?: RcloneCallOptions;
      stdout: RcloneCallSpec['stdout'];
      secrets?: string[];
    },
  ) {
    const problem = remote ? remoteHostProblem(remote) : null;
    if (problem) {
      const message = `rclone was not started: the ${problem.part} of the remote cannot be used: ${problem.message}`;
      return Promise.reject(new RcloneError({ kind: 'refused', exitCode: null, message, command: args }));
    }
    return runRclone({
      bin: this.bin,
      args: [...args, ...COMMON_FLAGS, ...(remote ? this.networkFlags : [])],
      subcommand,
      env: buildRcloneEnv(remote, this.baseEnv),
      stdin: spec.stdin,
      stdout: spec.stdout,
      onStdoutLine: spec.onStdoutLine,
      secrets: [...(remote?.secrets ?? []), ...(spec.secrets ?? [])],
      call: spec.call,
      // 0: no limit (a transfer of a big repository takes what it takes); a caller's timeoutMs still applies.
      timeoutMs: spec.timeoutMs === 0 ? undefined : (spec.timeoutMs ?? this.defaultTimeoutMs),
      killGraceMs: this.killGraceMs,
    });
  }
}

/** S3 lists a whole prefix in one go: fewer (billed) requests, and s3rver omits nested prefixes from delimiter listings. */
function listFlags(remote: RcloneRemote): string[] {
  return remote.type === 's3' ? ['--fast-list'] : [];
}

function join(path: string, name: string): string {
  return path === '' ? name : `${path.replace(/\/+$/, '')}/${name}`;
}
