/** What a backup job stores as its parameters (no secrets) and the executor reads back. */
export interface BackupParameters {
  source_paths: string[];
  archive_name: string;
  compression: string;
  exclude_patterns: string[];
  dry_run: boolean;
  one_file_system: boolean;
  comment: string | null;
}
