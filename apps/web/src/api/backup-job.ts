import type { Job } from './jobs';

/** What a backup job was asked to do, as the server keeps it in the job's `parameters`. */
export interface BackupParameters {
  source_paths: string[];
  archive_name: string;
  compression: string;
  exclude_patterns: string[];
  dry_run: boolean;
  one_file_system: boolean;
  comment: string | null;
}

/** What a finished backup made: the archive and borg's figures for it. */
export interface BackupResult {
  archive_name: string;
  files: number;
  original_size: number;
  compressed_size: number;
  deduplicated_size: number;
  duration_seconds: number;
}

/** A backup job's parameters, or null for any other job (or parameters of an unexpected shape). */
export function backupParameters(job: Job): BackupParameters | null {
  if (job.type !== 'backup') return null;
  const p = job.parameters;
  if (!isStringArray(p['source_paths']) || typeof p['archive_name'] !== 'string') return null;
  return {
    source_paths: p['source_paths'],
    archive_name: p['archive_name'],
    compression: typeof p['compression'] === 'string' ? p['compression'] : '',
    exclude_patterns: isStringArray(p['exclude_patterns']) ? p['exclude_patterns'] : [],
    dry_run: p['dry_run'] === true,
    one_file_system: p['one_file_system'] === true,
    comment: typeof p['comment'] === 'string' && p['comment'] !== '' ? p['comment'] : null,
  };
}

/** A backup job's result, or null when there is none (a dry run, a failure, another kind of job). */
export function backupResult(job: Job): BackupResult | null {
  if (job.type !== 'backup' || !job.result) return null;
  const r = job.result;
  if (typeof r['archive_name'] !== 'string') return null;
  return {
    archive_name: r['archive_name'],
    files: numberOr(r['files']),
    original_size: numberOr(r['original_size']),
    compressed_size: numberOr(r['compressed_size']),
    deduplicated_size: numberOr(r['deduplicated_size']),
    duration_seconds: numberOr(r['duration_seconds']),
  };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function numberOr(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;
}
