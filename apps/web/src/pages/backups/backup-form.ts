import { errorMessage, fieldErrors } from '../../api/errors';
import { DEFAULT_COMPRESSION, type ManualBackupInput } from '../../api/backups';
import { CUSTOM_COMPRESSION } from '../../components/backup-settings/compression';
import { placeSourceMessages } from '../../components/backup-settings/source-messages';
import type { SourceRow } from '../../components/backup-settings/source-paths-fieldset';

export interface BackupFormValues {
  repositoryId: string;
  sources: SourceRow[];
  archiveName: string;
  /** A preset, or CUSTOM_COMPRESSION for `customCompression`. */
  compression: string;
  customCompression: string;
  /** One pattern per line. */
  excludes: string;
  dryRun: boolean;
  oneFileSystem: boolean;
  comment: string;
}

export function initialValues(repositoryId: string): BackupFormValues {
  return {
    repositoryId,
    sources: [{ key: 0, path: '' }],
    archiveName: '',
    compression: DEFAULT_COMPRESSION,
    customCompression: '',
    excludes: '',
    dryRun: false,
    oneFileSystem: false,
    comment: '',
  };
}

/** The request body: empty optional fields are left out, so the server's defaults apply. */
export function toInput(values: BackupFormValues): ManualBackupInput {
  const input: ManualBackupInput = {
    repository_id: Number(values.repositoryId),
    source_paths: sourcePaths(values),
  };
  const archiveName = values.archiveName.trim();
  if (archiveName) input.archive_name = archiveName;
  const compression = values.compression === CUSTOM_COMPRESSION ? values.customCompression.trim() : values.compression;
  if (compression) input.compression = compression;
  const excludes = values.excludes
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (excludes.length > 0) input.exclude_patterns = excludes;
  if (values.dryRun) input.dry_run = true;
  if (values.oneFileSystem) input.one_file_system = true;
  const comment = values.comment.trim();
  if (comment) input.comment = comment;
  return input;
}

/** The non-empty paths, trimmed. */
export function sourcePaths(values: BackupFormValues): string[] {
  return values.sources.map((row) => row.path.trim()).filter(Boolean);
}

export interface BackupFormErrors {
  /** Messages by request field (repository_id, archive_name, compression, exclude_patterns, comment). */
  fields: Record<string, string[]>;
  /** Messages about one source path, by row index (the server names the path in its message). */
  rows: string[][];
  /** Messages about the source paths as a whole. */
  sources: string[];
  /** Everything else, for the alert at the top of the form. */
  alert: string | null;
}

const FORM_FIELDS = ['repository_id', 'archive_name', 'compression', 'exclude_patterns', 'comment', 'dry_run', 'one_file_system'];
const SOURCE_FIELDS = ['source_path', 'source_paths'];

/**
 * Sorts a refused request into messages under the fields they concern. A
 * message stays only while its field still holds the value that was refused.
 */
export function backupFormErrors(error: unknown, sent: ManualBackupInput | undefined, values: BackupFormValues): BackupFormErrors {
  const result: BackupFormErrors = { fields: {}, rows: values.sources.map(() => []), sources: [], alert: null };
  if (!error) return result;
  const byField = fieldErrors(error);
  if (Object.keys(byField).length === 0) return { ...result, alert: errorMessage(error) };

  const current = toInput(values) as Record<string, unknown>;
  const before = (sent ?? {}) as Record<string, unknown>;
  const unchanged = (field: string) => JSON.stringify(before[field]) === JSON.stringify(current[field]);
  const elsewhere: string[] = [];

  for (const [field, messages] of Object.entries(byField)) {
    if (FORM_FIELDS.includes(field)) {
      if (unchanged(field)) result.fields[field] = messages;
    } else if (SOURCE_FIELDS.includes(field)) {
      if (unchanged('source_paths')) {
        const placed = placeSourceMessages(messages, values.sources);
        placed.rows.forEach((rowMessages, index) => result.rows[index]?.push(...rowMessages));
        result.sources.push(...placed.group);
      }
    } else {
      elsewhere.push(...messages);
    }
  }
  if (elsewhere.length > 0) result.alert = elsewhere.join(' ');
  return result;
}
