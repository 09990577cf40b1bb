import { PassThrough } from 'node:stream';
import { ArchiveEntryReader, ENTRY_FORMAT } from './archive-entries';
import { failedCall, startBorgCall, type BorgCallResult, type RunningBorgCall } from './borg-call';
import { BorgError, invalidOutputError, refusedLocationError } from './borg-error';
import { buildBorgEnv } from './borg-env';
import { LineSplitter } from '@borgitory/process-group';
import { archiveLocation, locationProblem } from './location';
import {
  BorgOutputError,
  parseArchiveDetailsList,
  parseArchiveList,
  parseCreateStats,
  parseDiffLine,
  parseJsonDocument,
  parsePruneListLine,
  parseRepositoryInfo,
  parseSingleArchiveInfo,
} from './parsers';
import { exactPathPatterns } from './path-patterns';
import { probeSsh } from './ssh-probe';
import type {
  BorgArchiveDetails,
  BorgArchiveEntry,
  BorgArchiveInfo,
  BorgArchiveSummary,
  BorgCallOptions,
  BorgCheckScope,
  BorgConnection,
  BorgCreateStats,
  BorgDiffEntry,
  BorgEncryption,
  BorgEvent,
  BorgOutcome,
  BorgPruneResult,
  BorgPruneRules,
  BorgRepositoryInfo,
  BorgRunnerOptions,
  BorgStreamResult,
} from './types';

interface Invocation {
  conn: BorgConnection | null;
  /** Subcommand words: ['create'], ['key', 'export']. */
  subcommand: string[];
  /** Options placed after the subcommand. */
  options?: string[];
  /** Positionals placed after '--' (repository or archive first). */
  positionals?: string[];
  /** Adds the common option --progress. */
  progress?: boolean;
  /** Adds the common option --log-json (all but --version). */
  logJson?: boolean;
  stdout: 'collect' | 'stream' | 'ignore';
  stdin?: string;
  cwd?: string;
  /** Runs borg with PYTHONIOENCODING=unicode_escape (lossless names); stderr is decoded before parsing. */
  escapedOutput?: boolean;
  allowRepositoryDelete?: boolean;
  allowRepair?: boolean;
  /** false for the self-test itself; otherwise skipped once it passed. */
  skipSelfTest?: boolean;
  observe?: (event: BorgEvent) => void;
}

/** Runs borg commands for one BORG_BASE_DIR. Every method starts one borg process; see README.md for the rules. */
export class BorgRunner {
  private selfTestPassed = false;

  constructor(private readonly options: BorgRunnerOptions) {}

  /**
   * Runs borg's built-in self-tests (`borg debug info` runs them first, as every command does). Once they pass,
   * this runner's later calls skip them (BORG_SELFTEST=disabled): they cost about 0.2 s of CPU per call, and borg's
   * documentation suggests this for servers that call borg often, after one run with them. Until then, or when they
   * fail (BorgError), every call runs them itself.
   */
  async selfTest(options?: BorgCallOptions): Promise<void> {
    await this.run({ conn: null, subcommand: ['debug', 'info'], stdout: 'ignore', skipSelfTest: false }, options);
    this.selfTestPassed = true;
  }

  async version(options?: BorgCallOptions): Promise<string> {
    const invocation: Invocation = { conn: null, subcommand: [], options: ['--version'], stdout: 'collect', logJson: false };
    const { stdout } = await this.run(invocation, options);
    const version = /(\d+\.\d+\.\d+\S*)/.exec(stdout)?.[1];
    if (!version) {
      throw invalidOutputError(['--version'], '--version', `printed no version: ${stdout.trim().slice(0, 200)}`);
    }
    return version;
  }

  async init(
    conn: BorgConnection,
    options: BorgCallOptions & { encryption: BorgEncryption; appendOnly?: boolean },
  ): Promise<BorgOutcome<void>> {
    const opts = [valueOption('--encryption', options.encryption), ...(options.appendOnly ? ['--append-only'] : [])];
    return this.onRepository(conn, ['init'], options, { options: opts });
  }

  info(conn: BorgConnection, options?: BorgCallOptions): Promise<BorgOutcome<BorgRepositoryInfo>> {
    const invocation = { conn, subcommand: ['info'], options: ['--json'], positionals: [conn.location] };
    return this.json(invocation, options, parseRepositoryInfo);
  }

  /** `borg info --json --bypass-lock`: works while another borg holds the lock; used by "test connection". */
  infoWithoutLock(conn: BorgConnection, options?: BorgCallOptions): Promise<BorgOutcome<BorgRepositoryInfo>> {
    const invocation = { conn, subcommand: ['info'], options: ['--json'], positionals: [conn.location] };
    return this.json(invocation, { ...options, bypassLock: true }, parseRepositoryInfo);
  }

  listArchives(conn: BorgConnection, options?: BorgCallOptions & { last?: number }): Promise<BorgOutcome<BorgArchiveSummary[]>> {
    const opts = ['--json', ...intOption('--last', options?.last)];
    return this.json({ conn, subcommand: ['list'], options: opts, positionals: [conn.location] }, options, parseArchiveList);
  }

  /** Like listArchives, plus each archive's end time, hostname, username, comment and command line (one read per archive). */
  listArchiveDetails(conn: BorgConnection, options?: BorgCallOptions & { last?: number }): Promise<BorgOutcome<BorgArchiveDetails[]>> {
    const opts = [
      '--json',
      valueOption('--format', '{end}{hostname}{username}{comment}{command_line}'),
      ...intOption('--last', options?.last),
    ];
    return this.json({ conn, subcommand: ['list'], options: opts, positionals: [conn.location] }, options, parseArchiveDetailsList);
  }

  archiveInfo(conn: BorgConnection, archive: string, options?: BorgCallOptions): Promise<BorgOutcome<BorgArchiveInfo>> {
    const positionals = [archiveLocation(conn.location, archive)];
    return this.json({ conn, subcommand: ['info'], options: ['--json'], positionals }, options, parseSingleArchiveInfo);
  }

  /**
   * Every entry of an archive, in batches, with exact paths: names that are not UTF-8 keep their bytes (as lone
   * surrogates), which `borg list --json-lines` replaces with '?'. Streamed, never buffered whole; leaving the loop
   * early kills borg, and a failure surfaces as a BorgError thrown from the iterator.
   */
  listArchiveEntries(conn: BorgConnection, archive: string, options?: BorgCallOptions): AsyncIterable<BorgArchiveEntry[]> {
    const invocation: Invocation = {
      conn,
      subcommand: ['list'],
      options: [valueOption('--format', ENTRY_FORMAT)],
      positionals: [archiveLocation(conn.location, archive)],
      stdout: 'stream',
      escapedOutput: true,
    };
    return this.streamRecords(invocation, options, new ArchiveEntryReader());
  }

  /** `borg diff --json-lines REPO::A B`, streamed; `paths` (surrogate-escaped) limit it to those subtrees. */
  diff(
    conn: BorgConnection,
    archive: string,
    otherArchive: string,
    options?: BorgCallOptions & { paths?: string[]; contentOnly?: boolean },
  ): AsyncIterable<BorgDiffEntry> {
    const opts = [
      '--json-lines',
      ...(options?.contentOnly ? ['--content-only'] : []),
      ...(options?.paths?.length ? exactPathPatterns(options.paths, { recursive: true }) : []),
    ];
    const positionals = [archiveLocation(conn.location, archive), otherArchive];
    const invocation: Invocation = { conn, subcommand: ['diff'], options: opts, positionals, stdout: 'stream' };
    return flatten(this.streamRecords(invocation, options, jsonLines(parseDiffLine)));
  }

  async create(
    conn: BorgConnection,
    options: BorgCallOptions & {
      archive: string;
      paths: string[];
      compression?: string;
      excludePatterns?: string[];
      comment?: string;
      dryRun?: boolean;
      oneFileSystem?: boolean;
      workingDirectory?: string;
    },
  ): Promise<BorgOutcome<BorgCreateStats | null>> {
    if (!options.paths.length) throw new TypeError('create needs at least one path');
    const opts = [
      ...(options.dryRun ? ['--dry-run'] : ['--json']),
      ...(options.compression ? [valueOption('--compression', options.compression)] : []),
      ...(options.excludePatterns ?? []).map((pattern) => valueOption('--exclude', pattern)),
      ...(options.comment !== undefined ? [valueOption('--comment', options.comment)] : []),
      ...(options.oneFileSystem ? ['--one-file-system'] : []),
    ];
    const positionals = [archiveLocation(conn.location, options.archive), ...options.paths];
    const invocation: Invocation = {
      conn,
      subcommand: ['create'],
      options: opts,
      positionals,
      progress: true,
      cwd: options.workingDirectory,
      stdout: options.dryRun ? 'ignore' : 'collect',
    };
    if (options.dryRun) return { ...voidOutcome(await this.run(invocation, options)), result: null };
    return this.json(invocation, options, parseCreateStats);
  }

  /** Archives pruned and kept come from the --list lines (logger borg.output.list). */
  async prune(
    conn: BorgConnection,
    options: BorgCallOptions & BorgPruneRules & { dryRun?: boolean },
  ): Promise<BorgOutcome<BorgPruneResult>> {
    const opts = [
      '--list',
      ...(options.dryRun ? ['--dry-run'] : []),
      ...(options.keepWithin ? [valueOption('--keep-within', options.keepWithin)] : []),
      ...intOption('--keep-last', options.keepLast),
      ...intOption('--keep-secondly', options.keepSecondly),
      ...intOption('--keep-minutely', options.keepMinutely),
      ...intOption('--keep-hourly', options.keepHourly),
      ...intOption('--keep-daily', options.keepDaily),
      ...intOption('--keep-weekly', options.keepWeekly),
      ...intOption('--keep-monthly', options.keepMonthly),
      ...intOption('--keep-yearly', options.keepYearly),
      ...(options.globArchives ? [valueOption('--glob-archives', options.globArchives)] : []),
    ];
    const result: BorgPruneResult = { pruned: [], kept: [], rules: {} };
    const observe = (event: BorgEvent): void => {
      if (event.type !== 'log_message' || event.name !== 'borg.output.list') return;
      const entry = parsePruneListLine(event.message);
      if (!entry) return;
      if (entry.action === 'prune') {
        result.pruned.push(entry.archive);
      } else {
        result.kept.push(entry.archive);
        result.rules[entry.archive] = entry.rule ?? 'checkpoint';
      }
    };
    const { exitCode, warnings } = await this.onRepository(conn, ['prune'], options, { options: opts, observe });
    return { result, exitCode, warnings };
  }

  async compact(conn: BorgConnection, options?: BorgCallOptions & { threshold?: number }): Promise<BorgOutcome<void>> {
    const opts = intOption('--threshold', options?.threshold);
    return this.onRepository(conn, ['compact'], options, { options: opts, progress: true });
  }

  /**
   * `borg check --info`: the INFO lines say what borg checked ("Starting repository check", "Analyzing archive X
   * (1/2)", "Finished partial repository check"…). `repair` runs --repair, which borg only does when told that the
   * caller knows what it does (BORG_CHECK_I_KNOW_WHAT_I_AM_DOING=YES, set for that call alone).
   */
  async check(conn: BorgConnection, options?: BorgCallOptions & BorgCheckScope & { repair?: boolean }): Promise<BorgOutcome<void>> {
    const opts = [
      '--info',
      ...(options?.repositoryOnly ? ['--repository-only'] : []),
      ...(options?.archivesOnly ? ['--archives-only'] : []),
      ...(options?.verifyData ? ['--verify-data'] : []),
      ...intOption('--max-duration', options?.maxDuration),
      ...(options?.globArchives ? [valueOption('--glob-archives', options.globArchives)] : []),
      ...intOption('--first', options?.first),
      ...intOption('--last', options?.last),
      ...(options?.repair ? ['--repair'] : []),
    ];
    return this.onRepository(conn, ['check'], options, { options: opts, progress: true, allowRepair: options?.repair });
  }

  async deleteArchive(conn: BorgConnection, archive: string, options?: BorgCallOptions): Promise<BorgOutcome<void>> {
    return this.deleteArchives(conn, [archive], options);
  }

  /** One `borg delete REPO::FIRST SECOND …` for every archive named (borg 1.2 takes several archive names). */
  async deleteArchives(conn: BorgConnection, archives: string[], options?: BorgCallOptions): Promise<BorgOutcome<void>> {
    const [first, ...rest] = archives;
    if (first === undefined) throw new Error('borg delete needs at least one archive name (without one it deletes the repository)');
    return this.onRepository(conn, ['delete'], options, { positionals: [archiveLocation(conn.location, first), ...rest] });
  }

  /** Deletes the whole repository (borg delete REPO with BORG_DELETE_I_KNOW_WHAT_I_AM_DOING=YES). */
  async deleteRepository(conn: BorgConnection, options?: BorgCallOptions): Promise<BorgOutcome<void>> {
    return this.onRepository(conn, ['delete'], options, { allowRepositoryDelete: true });
  }

  /**
   * `borg extract --stdout` of exactly one archive path (surrogate-escaped, so any file name works): the file's
   * bytes as a stream plus a promise of completion. A path not in the archive streams nothing.
   */
  extractToStream(conn: BorgConnection, archive: string, path: string, options?: BorgCallOptions): BorgStreamResult {
    const opts = ['--stdout', ...exactPathPatterns([path], { recursive: false })];
    const positionals = [archiveLocation(conn.location, archive)];
    return this.stream({ conn, subcommand: ['extract'], options: opts, positionals, stdout: 'stream' }, options);
  }

  /** `borg extract` of the archive, or of `paths` and everything below them, run with cwd = targetDirectory (which must exist). */
  async extractToDirectory(
    conn: BorgConnection,
    archive: string,
    targetDirectory: string,
    options?: BorgCallOptions & { paths?: string[]; stripComponents?: number },
  ): Promise<BorgOutcome<void>> {
    const opts = [
      ...(options?.paths?.length ? exactPathPatterns(options.paths, { recursive: true }) : []),
      ...intOption('--strip-components', options?.stripComponents),
    ];
    const positionals = [archiveLocation(conn.location, archive)];
    return this.onRepository(conn, ['extract'], options, { options: opts, positionals, progress: true, cwd: targetDirectory });
  }

  /** `borg export-tar REPO::ARCHIVE -` of the archive, or of `paths` and everything below them, as a stream. */
  exportTar(
    conn: BorgConnection,
    archive: string,
    options?: BorgCallOptions & { paths?: string[]; stripComponents?: number },
  ): BorgStreamResult {
    const opts = [
      ...(options?.paths?.length ? exactPathPatterns(options.paths, { recursive: true }) : []),
      ...intOption('--strip-components', options?.stripComponents),
    ];
    const positionals = [archiveLocation(conn.location, archive), '-'];
    return this.stream({ conn, subcommand: ['export-tar'], options: opts, positionals, stdout: 'stream' }, options);
  }

  /** `borg key export REPO -` (or --paper): the key text. */
  async keyExport(conn: BorgConnection, options?: BorgCallOptions & { paper?: boolean }): Promise<string> {
    const opts = options?.paper ? ['--paper'] : [];
    const invocation: Invocation = {
      conn,
      subcommand: ['key', 'export'],
      options: opts,
      positionals: [conn.location, '-'],
      stdout: 'collect',
    };
    return (await this.run(invocation, options)).stdout;
  }

  /** `borg key import REPO -` with the exported key text on stdin. */
  async keyImport(conn: BorgConnection, keyText: string, options?: BorgCallOptions): Promise<BorgOutcome<void>> {
    return this.onRepository(conn, ['key', 'import'], options, { positionals: [conn.location, '-'], stdin: keyText });
  }

  async breakLock(conn: BorgConnection, options?: BorgCallOptions): Promise<BorgOutcome<void>> {
    return this.onRepository(conn, ['break-lock'], options);
  }

  /** What ssh itself says when connecting with this connection's options (see ssh-probe.ts); [] for local repositories. */
  probeSsh(conn: BorgConnection, options: { timeoutMs?: number } = {}): Promise<string[]> {
    return probeSsh(conn, { ...options, baseEnv: this.options.baseEnv });
  }

  // ---- plumbing ----

  private start(invocation: Invocation, call?: BorgCallOptions): RunningBorgCall {
    const args = argvOf(invocation, call);
    // Checked here as well as by the caller: borg hands the location's user and host to ssh as arguments.
    const problem = invocation.conn ? locationProblem(invocation.conn.location) : null;
    if (problem) return failedCall(refusedLocationError('borg', problem, args));
    const passphrase = invocation.conn?.passphrase;
    return startBorgCall({
      bin: this.options.borgBin,
      args,
      subcommand: invocation.subcommand.join(' ') || 'borg',
      env: {
        ...buildBorgEnv({
          baseDir: this.options.baseDir,
          baseEnv: this.options.baseEnv,
          connection: invocation.conn,
          allowRepositoryDelete: invocation.allowRepositoryDelete,
          allowRepair: invocation.allowRepair,
          skipSelfTest: invocation.skipSelfTest ?? this.selfTestPassed,
        }),
        ...(invocation.escapedOutput ? { PYTHONIOENCODING: 'unicode_escape' } : {}),
      },
      escapedStderr: invocation.escapedOutput ?? false,
      cwd: invocation.cwd,
      stdin: invocation.stdin,
      stdout: invocation.stdout,
      secrets: passphrase ? [passphrase] : [],
      call,
      timeoutMs: call?.timeoutMs ?? this.options.defaultTimeoutMs,
      killGraceMs: this.options.killGraceMs,
      observe: invocation.observe,
      launcher: invocation.conn?.launcher,
      passphrase,
    });
  }

  private run(invocation: Invocation, call?: BorgCallOptions): Promise<BorgCallResult> {
    return this.start(invocation, call).done;
  }

  /** A command on the repository itself whose stdout does not matter (positionals default to the repository). */
  private async onRepository(
    conn: BorgConnection,
    subcommand: string[],
    call: BorgCallOptions | undefined,
    extra: Partial<Omit<Invocation, 'conn' | 'subcommand'>> = {},
  ): Promise<BorgOutcome<void>> {
    const invocation: Invocation = { conn, subcommand, positionals: [conn.location], stdout: 'ignore', ...extra };
    return voidOutcome(await this.run(invocation, call));
  }

  private async json<T>(
    partial: Omit<Invocation, 'stdout'> & { stdout?: Invocation['stdout'] },
    call: BorgCallOptions | undefined,
    parse: (doc: Record<string, unknown>) => T,
  ): Promise<BorgOutcome<T>> {
    const invocation: Invocation = { ...partial, stdout: 'collect' };
    const { stdout, exitCode, warnings } = await this.run(invocation, call);
    try {
      return { result: parse(parseJsonDocument(stdout)), exitCode, warnings };
    } catch (error) {
      if (!(error instanceof BorgOutputError)) throw error;
      throw invalidOutputError(argvOf(invocation, call), invocation.subcommand.join(' '), error.message, exitCode);
    }
  }

  /** Wraps stdout so the stream ends only after borg succeeded; a failure destroys it (with the error if anyone listens). */
  private stream(invocation: Invocation, call?: BorgCallOptions): BorgStreamResult {
    const running = this.start(invocation, call);
    const out = new PassThrough();
    let settled = false;
    running.stdout?.pipe(out, { end: false });
    out.once('close', () => {
      if (!settled) running.stop('cancelled');
    });
    const done = running.done.then(
      (result) => {
        settled = true;
        out.end();
        return voidOutcome(result);
      },
      (error: unknown) => {
        settled = true;
        if (!out.destroyed) out.destroy(out.listenerCount('error') > 0 ? (error as Error) : undefined);
        throw error;
      },
    );
    done.catch(() => undefined);
    return { stream: out, done };
  }

  /** Reads borg's stdout through `reader`, yielding what each chunk completes; leaving early or failing stops borg. */
  private async *streamRecords<T>(invocation: Invocation, call: BorgCallOptions | undefined, reader: RecordReader<T>): AsyncGenerator<T[]> {
    const running = this.start(invocation, call);
    let finished = false;
    const parsed = (read: () => T[]): T[] => {
      try {
        return read();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw invalidOutputError(argvOf(invocation, call), invocation.subcommand.join(' '), message, null);
      }
    };
    try {
      try {
        for await (const chunk of running.stdout ?? []) {
          const records = parsed(() => reader.push(chunk as Buffer));
          if (records.length) yield records;
        }
      } catch (error) {
        if (error instanceof BorgError) throw error;
        await running.done; // a stream error because borg was stopped: report why
        throw error;
      }
      await running.done;
      const rest = parsed(() => reader.end() ?? []);
      if (rest.length) yield rest;
      finished = true;
    } finally {
      if (!finished) {
        running.stop('cancelled');
        await running.done.catch(() => undefined);
      }
    }
  }
}

interface RecordReader<T> {
  push(chunk: Buffer): T[];
  end(): T[] | void;
}

function jsonLines<T>(parse: (line: string) => T): { push(chunk: Buffer): T[]; end(): T[] } {
  const splitter = new LineSplitter(64 * 1024 * 1024);
  const parseAll = (lines: string[]) => lines.filter((line) => line.trim()).map(parse);
  return { push: (chunk) => parseAll(splitter.push(chunk)), end: () => parseAll(splitter.end()) };
}

function flatten<T>(batches: AsyncIterable<T[]>): AsyncIterable<T> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const batch of batches) yield* batch;
    },
  };
}

/** argv without the binary: common options, subcommand, its options, then '--' and the positionals. */
function argvOf(invocation: Invocation, call?: BorgCallOptions): string[] {
  return [
    ...(invocation.logJson === false ? [] : ['--log-json']),
    ...(invocation.progress ? ['--progress'] : []),
    ...intOption('--lock-wait', call?.lockWaitSeconds),
    ...(call?.bypassLock ? ['--bypass-lock'] : []),
    ...invocation.subcommand,
    ...(invocation.options ?? []),
    ...(invocation.positionals?.length ? ['--', ...invocation.positionals] : []),
  ];
}

function voidOutcome(result: BorgCallResult): BorgOutcome<void> {
  return { result: undefined, exitCode: result.exitCode, warnings: result.warnings };
}

/**
 * `--flag=value` as one word: borg's parser (argparse) would read a separate value that starts with "-" as the next
 * option and fail ("expected one argument"); joined, the value is whatever follows the "=".
 */
function valueOption(flag: string, value: string): string {
  return `${flag}=${value}`;
}

function intOption(flag: string, value: number | undefined): string[] {
  if (value === undefined) return [];
  if (!Number.isInteger(value) || value < 0) throw new TypeError(`${flag} needs a non-negative integer, got ${value}`);
  return [valueOption(flag, String(value))];
}
