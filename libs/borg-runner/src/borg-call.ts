import { statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { BorgError, formatSeconds } from './borg-error';
import { LineSplitter } from '@borgitory/process-group';
import { spawnGroup, type GroupExit, type StopReason } from '@borgitory/process-group';
import { StderrCollector } from './stderr-collector';
import { UnicodeEscapeDecoder } from './unicode-escape';
import { parseStderrLine, scrubEvent } from './stderr-events';
import type { BorgCallOptions, BorgEvent, BorgLauncher, BorgLogMessage } from './types';

export interface BorgCallSpec {
  bin: string;
  /** argv without the binary. */
  args: string[];
  /** For messages: "create", "key export". */
  subcommand: string;
  env: Record<string, string>;
  cwd?: string;
  stdin?: string;
  /** 'collect' buffers stdout (small --json documents), 'stream' hands it out, 'ignore' drops it. */
  stdout: 'collect' | 'stream' | 'ignore';
  /** stderr is in Python's unicode_escape encoding (see UnicodeEscapeDecoder). */
  escapedStderr?: boolean;
  /** Scrubbed from every stderr text (the passphrase). */
  secrets: string[];
  call?: BorgCallOptions;
  timeoutMs?: number;
  killGraceMs?: number;
  /** Internal observer, called before call.onEvent. */
  observe?: (event: BorgEvent) => void;
  /** Starts borg elsewhere (pull mode) instead of as a local child; it gets the passphrase, not the environment. */
  launcher?: BorgLauncher;
  passphrase?: string | null;
}

export interface BorgCallResult {
  exitCode: 0 | 1;
  /** Collected stdout ('' unless stdout is 'collect'). */
  stdout: string;
  warnings: BorgLogMessage[];
}

export interface RunningBorgCall {
  /** stdout when spec.stdout is 'stream', else null. */
  stdout: Readable | null;
  /** Resolves for exit 0/1; rejects with BorgError. Already marked handled: await it or not. */
  done: Promise<BorgCallResult>;
  stop(reason?: StopReason): void;
}

/** Runs one borg process: stderr parsed into events, the exit mapped to a result or a BorgError. */
export function startBorgCall(spec: BorgCallSpec): RunningBorgCall {
  const collector = new StderrCollector();
  const splitter = new LineSplitter();
  let stderrDecoder = spec.escapedStderr ? new UnicodeEscapeDecoder() : null;
  // stderr text is only read for messages: if it is not escaped after all, it is taken as it is.
  const stderrText = (chunk: Buffer): Buffer | string => {
    if (!stderrDecoder) return chunk;
    try {
      return stderrDecoder.push(chunk);
    } catch {
      stderrDecoder = null;
      return chunk;
    }
  };
  const stdoutChunks: Buffer[] = [];
  const emit = (line: string): void => {
    for (const parsed of parseStderrLine(line)) {
      const event = scrubEvent(parsed, spec.secrets);
      collector.add(event);
      spec.observe?.(event);
      try {
        spec.call?.onEvent?.(event);
      } catch {
        // A failing listener must not break the call.
      }
    }
  };

  const cwdProblem = spec.cwd === undefined || spec.launcher ? null : directoryProblem(spec.cwd);
  if (cwdProblem) return failedCall(new BorgError({ kind: 'spawn', exitCode: null, message: cwdProblem, command: spec.args }));
  if (spec.launcher && spec.stdin !== undefined) {
    return failedCall(
      new BorgError({
        kind: 'spawn',
        exitCode: null,
        message: `borg ${spec.subcommand} cannot run on another machine`,
        command: spec.args,
      }),
    );
  }

  const onStderr = (chunk: Buffer) => splitter.push(stderrText(chunk)).forEach(emit);
  const stdout = spec.stdout === 'ignore' ? 'ignore' : 'pipe';
  const child = spec.launcher
    ? spec.launcher.launch({
        args: spec.args,
        passphrase: spec.passphrase ?? null,
        cwd: spec.cwd,
        outputEnv: spec.env['PYTHONIOENCODING'] ? { PYTHONIOENCODING: spec.env['PYTHONIOENCODING'] } : {},
        stdout,
        onStderr,
        signal: spec.call?.signal,
        timeoutMs: spec.timeoutMs,
        killGraceMs: spec.killGraceMs,
      })
    : spawnGroup({
        bin: spec.bin,
        args: spec.args,
        env: spec.env,
        cwd: spec.cwd,
        stdin: spec.stdin,
        stdout,
        onStderr,
        signal: spec.call?.signal,
        timeoutMs: spec.timeoutMs,
        killGraceMs: spec.killGraceMs,
      });
  if (child.pid !== undefined && spec.call?.onSpawn) {
    try {
      spec.call.onSpawn(child.pid);
    } catch {
      // ignore
    }
  }
  if (spec.stdout === 'collect') child.stdout?.on('data', (chunk: Buffer) => stdoutChunks.push(chunk));

  const done = child.exited.then((exit) => {
    splitter.end().forEach(emit);
    const failure = failureOf(exit, spec, collector);
    if (failure) throw failure;
    return {
      exitCode: exit.code as 0 | 1,
      stdout: spec.stdout === 'collect' ? Buffer.concat(stdoutChunks).toString('utf8') : '',
      warnings: collector.warnings,
    };
  });
  done.catch(() => undefined);
  return {
    stdout: spec.stdout === 'stream' ? child.stdout : null,
    done,
    stop: (reason = 'cancelled') => child.stop(reason),
  };
}

/** A call that failed before borg could be started. */
export function failedCall(error: BorgError): RunningBorgCall {
  const done = Promise.reject(error);
  done.catch(() => undefined);
  return { stdout: null, done, stop: () => undefined };
}

function failureOf(exit: GroupExit, spec: BorgCallSpec, collector: StderrCollector): BorgError | null {
  const base = { command: spec.args, stderrTail: collector.stderrTail, msgid: collector.msgid, signal: exit.signal };
  if (exit.spawnError) {
    const code = exit.spawnError.code;
    const message =
      code === 'ENOENT'
        ? `${spec.bin} was not found`
        : code === 'EACCES'
          ? `${spec.bin} could not be started (permission denied)`
          : `${spec.bin} could not be started: ${exit.spawnError.message}`;
    return new BorgError({ ...base, kind: 'spawn', exitCode: null, message });
  }
  if (exit.stoppedBy === 'cancelled') {
    return new BorgError({ ...base, kind: 'cancelled', exitCode: exit.code, message: 'borg was cancelled' });
  }
  if (exit.stoppedBy === 'timeout') {
    const after = formatSeconds(spec.timeoutMs ?? 0);
    return new BorgError({ ...base, kind: 'timeout', exitCode: exit.code, message: `borg timed out after ${after}` });
  }
  if (exit.code === 0 || exit.code === 1) return null;
  const fallback =
    exit.code === null
      ? `borg ${spec.subcommand} was killed by ${exit.signal ?? 'a signal'}`
      : `borg ${spec.subcommand} failed with exit code ${exit.code}`;
  return new BorgError({ ...base, kind: 'exit', exitCode: exit.code, message: collector.errorMessage() ?? fallback });
}

function directoryProblem(path: string): string | null {
  try {
    return statSync(path).isDirectory() ? null : `${path} is not a directory`;
  } catch {
    return `directory ${path} does not exist`;
  }
}
