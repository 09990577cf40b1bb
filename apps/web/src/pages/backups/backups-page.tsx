import { useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useStartBackup } from '../../api/backups';
import { useHosts } from '../../api/hosts';
import { useRepositoryOptions } from '../../api/repositories';
import { ArchiveNameField } from '../../components/backup-settings/archive-name-field';
import { BackUpFromField } from '../../components/backup-settings/back-up-from-field';
import { CompressionField } from '../../components/backup-settings/compression-field';
import { ExcludePatternsField } from '../../components/backup-settings/exclude-patterns-field';
import { SourcePathsFieldset } from '../../components/backup-settings/source-paths-fieldset';
import { FormField } from '../../components/form-field';
import { RepositorySelectField } from '../../components/repositories/repository-select-field';
import { FormActions, SaveForm } from '../../components/save-form';
import { focusFirstProblem, useFocusFirstProblem } from '../../forms/focus-first-problem';
import { useFormValues } from '../../forms/use-form-values';
import { backupFormErrors, initialValues, sourcePaths, toInput, type BackupFormValues } from './backup-form';
import { BackupOptions } from './backup-options';
import './backups.css';
import { useDocumentTitle } from '../../util/use-document-title';
import { NeedsRolePage } from '../../components/needs-role';

/** "Back up now": one backup of chosen paths into a repository, followed on its job page; an operator's task. */
export function BackupsPage() {
  return (
    <NeedsRolePage atLeast="operator" title="Backups" action="Backing up" back={{ to: '/', label: 'the dashboard' }}>
      <BackupForm />
    </NeedsRolePage>
  );
}

function BackupForm() {
  const [searchParams] = useSearchParams();
  const repositories = useRepositoryOptions();
  const hosts = useHosts(0).data?.items ?? [];
  const start = useStartBackup();
  const navigate = useNavigate();
  const [values, set, setValues] = useFormValues<BackupFormValues>(() => initialValues(searchParams.get('repository_id') ?? ''));
  const [missing, setMissing] = useState<{ repository: boolean; sources: boolean }>({ repository: false, sources: false });
  const nextKey = useRef(1);
  const formRef = useRef<HTMLFormElement>(null);

  const options = repositories.data?.items ?? [];
  const noRepositories = repositories.isSuccess && options.length === 0;
  const chosenHost = hosts.find((host) => String(host.id) === values.hostId);
  const hostId = chosenHost ? values.hostId : '';
  // A preselected id that is not (or no longer) a repository is no choice; nor, for a host, one on another machine.
  const repositoryId = options.some((repository) => String(repository.id) === values.repositoryId && !(hostId && repository.is_remote))
    ? values.repositoryId
    : '';
  const formValues = { ...values, hostId, repositoryId };
  const errors = backupFormErrors(start.error, start.variables, formValues);

  useFocusFirstProblem(formRef, start.error);

  function setSource(index: number, path: string) {
    setValues((current) => ({
      ...current,
      sources: current.sources.map((row, i) => (i === index ? { ...row, path } : row)),
    }));
    setMissing((current) => ({ ...current, sources: false }));
  }

  function addSource() {
    setValues((current) => ({ ...current, sources: [...current.sources, { key: nextKey.current++, path: '' }] }));
  }

  /** Paths of one machine mean nothing on another: the sources start again. */
  function chooseHost(id: string) {
    setValues((current) => ({ ...current, hostId: id, sources: [{ key: nextKey.current++, path: '' }] }));
    setMissing((current) => ({ ...current, sources: false }));
  }

  function removeSource(index: number) {
    setValues((current) => ({ ...current, sources: current.sources.filter((_, i) => i !== index) }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const nothingChosen = { repository: repositoryId === '', sources: sourcePaths(formValues).length === 0 };
    setMissing(nothingChosen);
    if (nothingChosen.repository || nothingChosen.sources) {
      // The messages are rendered first, then the first field that lacks a value is focused.
      requestAnimationFrame(() => focusFirstProblem(formRef.current));
      return;
    }
    start.mutate(toInput(formValues), { onSuccess: (job) => navigate(`/jobs/${job.id}`) });
  }

  const repositoryErrors = missing.repository ? ['Choose the repository to back up to.'] : errors.fields['repository_id'];
  const sourceErrors = missing.sources ? ['Add at least one directory or file to back up.'] : errors.sources;

  useDocumentTitle('Backups');
  return (
    <>
      <h1>Backups</h1>
      <p className="page-intro">Back up directories and files of this server, or of a host, into one of your repositories.</p>

      <SaveForm
        ref={formRef}
        className="backup-form"
        onSubmit={submit}
        aria-labelledby="backup-now-heading"
        busy={start.isPending}
        heading={
          <h2 id="backup-now-heading" className="backup-form__title">
            Back up now
          </h2>
        }
        alert={errors.alert}
      >
        {hosts.length > 0 && <BackUpFromField hosts={hosts} value={hostId} onChange={chooseHost} errors={errors.fields['host_id']} />}

        <RepositorySelectField
          value={repositoryId}
          localOnly={hostId !== ''}
          onChange={(value) => {
            set('repositoryId')(value);
            setMissing((current) => ({ ...current, repository: false }));
          }}
          errors={repositoryErrors}
        />

        <SourcePathsFieldset
          rows={values.sources}
          onChange={setSource}
          onAdd={addSource}
          onRemove={removeSource}
          rowErrors={errors.sourceRows}
          errors={sourceErrors}
          host={chosenHost ?? null}
        />

        <ArchiveNameField
          value={values.archiveName}
          onChange={set('archiveName')}
          hint={
            <>
              Leave it empty for the name shown. borg fills in placeholders such as <code>{'{hostname}'}</code>, <code>{'{now}'}</code>,{' '}
              <code>{'{now:%Y-%m-%d}'}</code> and <code>{'{user}'}</code>.
            </>
          }
          errors={errors.fields['archive_name']}
        />

        <CompressionField
          choice={values.compression}
          custom={values.customCompression}
          onChoiceChange={set('compression')}
          onCustomChange={set('customCompression')}
          errors={errors.fields['compression']}
        />

        <ExcludePatternsField value={values.excludes} onChange={set('excludes')} errors={errors.fields['exclude_patterns']} />

        <BackupOptions
          dryRun={values.dryRun}
          oneFileSystem={values.oneFileSystem}
          onDryRunChange={set('dryRun')}
          onOneFileSystemChange={set('oneFileSystem')}
        />

        <FormField
          label="Comment (optional)"
          name="comment"
          autoComplete="off"
          value={values.comment}
          onChange={(event) => set('comment')(event.target.value)}
          hint="Kept with the archive, e.g. “before the upgrade”."
          errors={errors.fields['comment']}
        />

        <FormActions
          submitLabel="Back up now"
          busyLabel="Starting backup…"
          busy={start.isPending}
          submitDisabled={noRepositories}
          busyStatus="Checking the paths and queueing the backup…"
        />
      </SaveForm>
    </>
  );
}
