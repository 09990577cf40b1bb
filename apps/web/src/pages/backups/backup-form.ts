import { DEFAULT_COMPRESSION, type ManualBackupInput } from '../../api/backups';
import { CUSTOM_COMPRESSION } from '../../components/backup-settings/compression';
import {
  placeSourceErrors,
  SOURCE_DEPENDS_ON,
  SOURCE_FIELDS,
  type SourcedFormErrors,
} from '../../components/backup-settings/source-messages';
import type { SourceRow } from '../../components/backup-settings/source-paths-fieldset';
import { formErrors } from '../../forms/form-errors';

export interface BackupFormValues {
  /** The host to back up, by id; '' for this server. */
  hostId: string;
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
    hostId: '',
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
  if (values.hostId) input.host_id = Number(values.hostId);
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

const FORM_FIELDS = [
  'host_id',
  'repository_id',
  'archive_name',
  'compression',
  'exclude_patterns',
  'comment',
  'dry_run',
  'one_file_system',
];

/**
 * Sorts a refused request into messages under the fields they concern, source
 * paths at their rows. A message stays only while its field still holds the
 * value that was refused.
 */
export function backupFormErrors(error: unknown, sent: ManualBackupInput | undefined, values: BackupFormValues): SourcedFormErrors {
  const errors = formErrors(error, {
    shown: [...FORM_FIELDS, ...SOURCE_FIELDS],
    sent,
    current: toInput(values),
    dependsOn: SOURCE_DEPENDS_ON,
  });
  return placeSourceErrors(errors, values.sources);
}
