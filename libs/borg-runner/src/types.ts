import type { GroupProcess } from '@borgitory/process-group';

/** Public types of @borgitory/borg-runner. Field names are camelCase; parsers.ts maps borg's snake_case JSON onto them. */

export type BorgEncryption =
  'none' | 'repokey' | 'repokey-blake2' | 'keyfile' | 'keyfile-blake2' | 'authenticated' | 'authenticated-blake2';

export interface BorgSshOptions {
  /** Path of the private key file to use (-i). */
  identityFile?: string;
  /** known_hosts file Borgitory keeps (UserKnownHostsFile). */
  knownHostsFile: string;
  /** 'accept-new' (default) adds unknown host keys; 'yes' refuses unknown hosts. */
  strictHostKeyChecking: 'accept-new' | 'yes';
  /** Default 15. */
  connectTimeoutSeconds?: number;
}

/** Everything needed to open one repository. */
export interface BorgConnection {
  /** '/abs/path', 'ssh://user@host:port/path' or 'user@host:path' */
  location: string;
  passphrase?: string | null;
  ssh?: BorgSshOptions;
  /** Where borg runs when not here: pull mode starts it on another machine (see BorgLauncher). */
  launcher?: BorgLauncher;
}

/**
 * Starts borg somewhere else than as a local child, with the argv and output handling of a local call: pull mode runs
 * it on a host over ssh. Only the passphrase of the call's environment goes along; the launcher sets up the rest.
 */
export interface BorgLauncher {
  launch(request: BorgLaunchRequest): GroupProcess;
}

export interface BorgLaunchRequest {
  /** borg's words after the binary. */
  args: string[];
  passphrase: string | null;
  /** The directory borg runs in, on the machine it runs on. */
  cwd?: string;
  /** Environment borg's output depends on (PYTHONIOENCODING), from a fixed list; never a secret. */
  outputEnv: Record<string, string>;
  stdout: 'pipe' | 'ignore';
  onStderr: (chunk: Buffer) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
  killGraceMs?: number;
}

export interface BorgRunnerOptions {
  /** e.g. 'borg' or '/usr/bin/borg' */
  borgBin: string;
  /**
   * BORG_BASE_DIR: borg's config, cache, security dir and keyfile keys live under it. Keys follow borg's own
   * rules: <baseDir>/.config/borg/keys (see borgKeysDir()); BORG_KEYS_DIR is not set.
   */
  baseDir: string;
  /**
   * Environment the children start from; default process.env. Only an allowlist is passed on:
   * PATH, HOME, LANG, LC_ALL, LC_CTYPE, TZ, TMPDIR, USER, LOGNAME. Never anything else.
   */
  baseEnv?: NodeJS.ProcessEnv;
  /** Default: none. */
  defaultTimeoutMs?: number;
  /** After SIGTERM on cancel/timeout, SIGKILL the process group after this long. Default 5000. */
  killGraceMs?: number;
}

export interface BorgCallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Called for every parsed stderr event (progress and log messages). Exceptions thrown by it are ignored. */
  onEvent?: (event: BorgEvent) => void;
  /** Passed as `--lock-wait N` (borg's default is 1 second). */
  lockWaitSeconds?: number;
  /** Called once with the pid of the borg child (it leads its own process group) right after it started. */
  onSpawn?: (pid: number) => void;
  /**
   * Passed as `--bypass-lock`: read without taking the repository lock, so reading existing archives neither waits
   * for nor blocks a running backup. Only for commands that write nothing.
   */
  bypassLock?: boolean;
}

export type BorgLogLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL';

export type BorgEvent =
  | {
      type: 'archive_progress';
      originalSize: number;
      compressedSize: number;
      deduplicatedSize: number;
      nfiles: number;
      path: string;
      finished: boolean;
      time: number;
    }
  | {
      type: 'progress_percent';
      operation: number;
      msgid?: string;
      message?: string;
      current?: number;
      total?: number;
      finished: boolean;
      time: number;
    }
  | { type: 'progress_message'; operation: number; msgid?: string; message?: string; finished: boolean; time: number }
  | { type: 'log_message'; level: BorgLogLevel; name: string; message: string; msgid?: string; time: number }
  | { type: 'stderr_line'; line: string };

export interface BorgLogMessage {
  level: string;
  name: string;
  message: string;
  msgid?: string;
}

/** Exit 0 or 1 (1 = warnings, result still valid). */
export interface BorgOutcome<T> {
  result: T;
  exitCode: 0 | 1;
  /** Log messages at WARNING level or above (borg check, for one, logs ERRORs and exits 1). */
  warnings: BorgLogMessage[];
}

/** From `borg info --json REPO`. */
export interface BorgRepositoryInfo {
  id: string;
  location: string;
  /** ISO as borg prints it (local time, no zone). */
  lastModified: string;
  encryption: { mode: string; keyfile?: string };
  stats: {
    totalSize: number;
    totalCompressedSize: number;
    uniqueSize: number;
    uniqueCompressedSize: number;
    totalChunks: number;
    totalUniqueChunks: number;
  } | null;
}

/** From `borg list --json REPO` (archives[]). */
export interface BorgArchiveSummary {
  name: string;
  id: string;
  start: string;
  time: string;
}

/** `listArchiveDetails`: the summary plus each archive's metadata. */
export interface BorgArchiveDetails extends BorgArchiveSummary {
  end: string;
  hostname: string;
  username: string;
  comment: string;
  commandLine: string[];
}

/** One entry of an archive from `listArchiveEntries`. */
export interface BorgArchiveEntry {
  /** As stored, without a leading slash; bytes that are not UTF-8 are the lone surrogates U+DC80–U+DCFF. */
  path: string;
  /** ls-style type letter: '-', 'd', 'l', 'b', 'c', 'p', 's'. */
  type: string;
  /** ls-style mode; starts with 'h' for a hard link to an earlier entry. */
  mode: string;
  size: number;
  /** Local time without offset, as borg prints it. */
  mtime: string;
  healthy: boolean;
  /** Symlink target (or hard link source); bytes that are not UTF-8 show as '?'. */
  linkTarget: string;
}

/** One line of `borg diff --json-lines`. */
export interface BorgDiffEntry {
  /** Surrogate-escaped like BorgArchiveEntry.path. */
  path: string;
  changes: BorgDiffChange[];
}

/**
 * One change of a diff entry. `type` is borg's: 'added', 'removed' (with size), 'added directory', 'added link',
 * 'removed directory', 'removed link', 'changed link', 'modified' (bytes added and removed), 'mode', 'owner',
 * 'ctime', 'mtime'.
 */
export interface BorgDiffChange {
  type: string;
  size?: number;
  added?: number;
  removed?: number;
  oldMode?: string;
  newMode?: string;
  oldUser?: string;
  newUser?: string;
  oldGroup?: string;
  newGroup?: string;
  oldTime?: string;
  newTime?: string;
}

export interface BorgArchiveInfo {
  name: string;
  id: string;
  start: string;
  end: string;
  duration: number;
  comment: string;
  hostname: string;
  username: string;
  commandLine: string[];
  stats: { originalSize: number; compressedSize: number; deduplicatedSize: number; nfiles: number };
  limits: { maxArchiveSize: number };
}

/** From `borg create --json`. Its archive lacks hostname, username and comment: those come back as ''. */
export interface BorgCreateStats {
  archive: BorgArchiveInfo;
  /** The repository once the archive is in it: what `borg info --json REPO` would print next (the same cache stats). */
  repository: BorgRepositoryInfo;
}

/** The rules of `borg prune`: each set one becomes its --keep-… option. */
export interface BorgPruneRules {
  keepWithin?: string;
  keepLast?: number;
  keepSecondly?: number;
  keepMinutely?: number;
  keepHourly?: number;
  keepDaily?: number;
  keepWeekly?: number;
  keepMonthly?: number;
  keepYearly?: number;
  globArchives?: string;
}

/** What `borg check` looks at. */
export interface BorgCheckScope {
  repositoryOnly?: boolean;
  archivesOnly?: boolean;
  verifyData?: boolean;
  maxDuration?: number;
  globArchives?: string;
  first?: number;
  last?: number;
}

export interface BorgPruneResult {
  pruned: string[];
  kept: string[];
  /** For each kept archive, the rule that keeps it as borg names it ("daily #1", "within 2d", "checkpoint"). */
  rules: Record<string, string>;
}

export interface BorgStreamResult {
  stream: NodeJS.ReadableStream;
  done: Promise<BorgOutcome<void>>;
}
