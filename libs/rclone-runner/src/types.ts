/**
 * A remote as rclone's config would hold it, given to rclone only through the child's environment
 * (RCLONE_CONFIG_TARGET_*), never in argv or a config file. Options use rclone's names (access_key_id, host, url…);
 * those rclone wants obscured (passwords) must already be obscured (RcloneRunner.obscure).
 */
export interface RcloneRemote {
  /** rclone's backend: s3, sftp, webdav, smb, local. */
  type: string;
  options: Record<string, string>;
  /** Values that must never appear in a message (secrets in clear, and their obscured form). */
  secrets?: string[];
}

/** A place on a remote: the remote and a path on it (bucket/prefix, a directory). */
export interface RcloneTarget {
  remote: RcloneRemote;
  path: string;
}

/** What rclone's --stats lines say, in the names the API uses. */
export interface RcloneProgress {
  bytes: number;
  totalBytes: number;
  transfers: number;
  totalTransfers: number;
  checks: number;
  deletes: number;
  errors: number;
  /** Bytes per second, averaged by rclone. */
  speed: number;
  /** Seconds; null while unknown. */
  eta: number | null;
  elapsedSeconds: number;
}

export type RcloneLogLevel = 'debug' | 'info' | 'notice' | 'warning' | 'error' | 'critical';

export type RcloneEvent =
  { type: 'progress'; progress: RcloneProgress } | { type: 'log'; level: RcloneLogLevel; message: string; object?: string };

export interface RcloneCallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  onEvent?: (event: RcloneEvent) => void;
  /** The pid of rclone, leader of its own process group. */
  onSpawn?: (pid: number) => void;
}

export interface RcloneTransferOptions extends RcloneCallOptions {
  /** sync mirrors (deletes on the remote what is gone locally); copy never deletes on the remote. */
  mode: 'sync' | 'copy';
  /** rclone's --bwlimit, e.g. "10M" (bytes per second with a suffix). */
  bandwidthLimit?: string;
  /** A path on the same remote, outside target.path, where a file the transfer would overwrite or delete is moved first. */
  keepReplacedIn?: string;
}

export interface RcloneTransferResult {
  /** The last stats rclone reported (null when it reported none). */
  progress: RcloneProgress | null;
  /** Lines rclone logged as errors or warnings that did not stop it. */
  warnings: string[];
}

export interface RcloneCheckResult {
  /** Files the same on both sides. */
  matching: number;
  /** Files on both sides that differ. */
  differing: number;
  missingOnRemote: number;
  /** Only for a two-way check: files on the remote that are not local. */
  missingLocally: number;
  /** Could not be compared (read errors). */
  errors: number;
  /** What rclone compared by: a hash name ("md5") or "size" when the two sides share no hash. */
  comparedBy: string;
  /** Up to 20 paths that are not the same, with what is wrong. */
  examples: Array<{ path: string; problem: 'differs' | 'missing_on_remote' | 'missing_locally' | 'error' }>;
}
