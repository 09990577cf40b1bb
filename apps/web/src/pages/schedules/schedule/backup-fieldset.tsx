import { useRef } from 'react';
import { useHostNames, useHosts } from '../../../api/hosts';
import { useRepositoryOptions } from '../../../api/repositories';
import { ArchiveNameField } from '../../../components/backup-settings/archive-name-field';
import { BackUpFromField } from '../../../components/backup-settings/back-up-from-field';
import { CompressionField } from '../../../components/backup-settings/compression-field';
import { ExcludePatternsField } from '../../../components/backup-settings/exclude-patterns-field';
import { SourcePathsFieldset } from '../../../components/backup-settings/source-paths-fieldset';
import { CheckboxField } from '../../../components/checkbox-field';
import { RepositorySelectField } from '../../../components/repositories/repository-select-field';
import type { FieldErrors } from '../../../forms/form-errors';
import { hostChange, type ScheduleFormValues } from './schedule-form-values';

type BackupValues = Pick<
  ScheduleFormValues,
  | 'hostId'
  | 'repositoryId'
  | 'sources'
  | 'archiveName'
  | 'archiveNameEdited'
  | 'compression'
  | 'customCompression'
  | 'excludes'
  | 'oneFileSystem'
>;

interface BackupFieldsetProps {
  values: BackupValues;
  onChange: (patch: Partial<BackupValues>) => void;
  /** Messages by request field. */
  errors: FieldErrors;
  repositoryErrors?: string[];
  sourceRowErrors: string[][];
  sourceErrors: string[];
}

/** What each run backs up (of this server or a host), into which repository, and how: the fields of "Back up now". */
export function BackupFieldset({ values, onChange, errors, repositoryErrors, sourceRowErrors, sourceErrors }: BackupFieldsetProps) {
  const nextKey = useRef(Math.max(0, ...values.sources.map((row) => row.key)) + 1);
  const hosts = useHosts(0).data?.items ?? [];
  const hostName = useHostNames();
  const repositories = useRepositoryOptions().data?.items ?? [];
  const isRemote = (repositoryId: string) =>
    repositories.some((repository) => String(repository.id) === repositoryId && repository.is_remote);

  function setSource(index: number, path: string) {
    onChange({ sources: values.sources.map((row, i) => (i === index ? { ...row, path } : row)) });
  }

  return (
    <fieldset className="form-section">
      <legend>Backup</legend>
      {(hosts.length > 0 || values.hostId !== '') && (
        <BackUpFromField
          hosts={hosts}
          value={values.hostId}
          onChange={(hostId) => onChange(hostChange(values, hostId, nextKey.current++, isRemote))}
          errors={errors['host_id']}
        />
      )}
      <RepositorySelectField
        value={values.repositoryId}
        localOnly={values.hostId !== ''}
        onChange={(repositoryId) => onChange({ repositoryId })}
        errors={repositoryErrors}
      />
      <SourcePathsFieldset
        rows={values.sources}
        onChange={setSource}
        onAdd={() => onChange({ sources: [...values.sources, { key: nextKey.current++, path: '' }] })}
        onRemove={(index) => onChange({ sources: values.sources.filter((_, i) => i !== index) })}
        rowErrors={sourceRowErrors}
        errors={sourceErrors}
        host={values.hostId === '' ? null : { id: Number(values.hostId), name: hostName(Number(values.hostId)) }}
      />
      <ArchiveNameField
        value={values.archiveName}
        onChange={(archiveName) => onChange({ archiveName, archiveNameEdited: true })}
        hint={
          <>
            borg fills in placeholders such as <code>{'{now:%Y-%m-%dT%H:%M:%S}'}</code> and <code>{'{hostname}'}</code>, so that each
            run&rsquo;s archive has a name of its own. <PruneMatchHint archiveName={values.archiveName} />
          </>
        }
        errors={errors['archive_name']}
      />
      <CompressionField
        choice={values.compression}
        custom={values.customCompression}
        onChoiceChange={(compression) => onChange({ compression })}
        onCustomChange={(customCompression) => onChange({ customCompression })}
        errors={errors['compression']}
      />
      <ExcludePatternsField value={values.excludes} onChange={(excludes) => onChange({ excludes })} errors={errors['exclude_patterns']} />
      <CheckboxField
        label="Stay on one file system"
        checked={values.oneFileSystem}
        onChange={(oneFileSystem) => onChange({ oneFileSystem })}
        hint="Do not descend into other file systems mounted below a source path (network shares, /proc, …)."
        errors={errors['one_file_system']}
      />
    </fieldset>
  );
}

/** How a pruning policy picks this schedule's archives: by the literal prefix of their name. */
function PruneMatchHint({ archiveName }: { archiveName: string }) {
  const prefix = archiveName.split('{')[0] ?? '';
  return prefix ? (
    <>
      A pruning policy with the pattern <code>{prefix}*</code> prunes among these archives only.
    </>
  ) : (
    <>
      Start it with a prefix of its own, such as <code>docs-</code>, for a pruning policy&rsquo;s pattern (<code>docs-*</code>) to pick this
      schedule&rsquo;s archives.
    </>
  );
}
