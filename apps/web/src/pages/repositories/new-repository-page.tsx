import { ApiRequestError } from '@borgitory/api-client';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useCreateRepository, type CreateRepositoryInput, type Encryption, type HostKeyPolicy } from '../../api/repositories';
import { FormActions } from '../../components/save-form';
import { TextAreaField } from '../../components/text-area-field';
import { useFocusFirstProblem } from '../../forms/focus-first-problem';
import { useFormValues } from '../../forms/use-form-values';
import { DEFAULT_ENCRYPTION } from './encryption';
import { EncryptionField } from './encryption-field';
import { isSshLocation } from './location';
import { MaxAgeField } from './max-age-field';
import { maxAgeHours } from './max-age-values';
import { ModeChoice, type RepositoryMode } from './mode-choice';
import { NameAndLocationFields } from './name-and-location-fields';
import { PassphraseFields } from './passphrase-fields';
import { repositoryFormErrors } from './repository-form-errors';
import { SshFieldset } from './ssh-fieldset';
import { SshKeyDisclosure } from './ssh-key-disclosure';
import './repositories.css';
import { useDocumentTitle } from '../../util/use-document-title';
import { NeedsRolePage } from '../../components/needs-role';

interface Values {
  mode: RepositoryMode;
  name: string;
  path: string;
  encryption: Encryption;
  passphrase: string;
  confirm: string;
  keyFile: string;
  sshPrivateKey: string;
  sshHostKeyPolicy: HostKeyPolicy;
  maxAgeHours: string;
}

const INITIAL: Values = {
  mode: 'create',
  name: '',
  path: '',
  encryption: DEFAULT_ENCRYPTION,
  passphrase: '',
  confirm: '',
  keyFile: '',
  sshPrivateKey: '',
  sshHostKeyPolicy: 'accept-new',
  maxAgeHours: '',
};

/** Create a new repository (borg init) or import an existing one: an admin's task. */
export function NewRepositoryPage() {
  return (
    <NeedsRolePage
      atLeast="admin"
      title="New repository"
      action="Adding a repository"
      back={{ to: '/repositories', label: 'the repositories' }}
    >
      <NewRepositoryForm />
    </NeedsRolePage>
  );
}

function NewRepositoryForm() {
  const create = useCreateRepository();
  const navigate = useNavigate();
  const [values, set] = useFormValues<Values>(INITIAL);
  const [mismatch, setMismatch] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  const creating = values.mode === 'create';
  const ssh = isSshLocation(values.path);
  const asksPassphrase = !creating || values.encryption !== 'none';
  const shownFields = [
    'name',
    'path',
    ...(creating ? ['encryption'] : ['key_file']),
    ...(asksPassphrase ? ['passphrase'] : []),
    ...(ssh ? ['ssh_private_key', 'ssh_host_key_policy'] : []),
    'max_age_hours',
  ];
  const errors = repositoryFormErrors(create.error, shownFields, create.variables, toInput(values));
  const alreadyExists = create.error instanceof ApiRequestError && create.error.code === 'REPOSITORY_ALREADY_EXISTS';

  useFocusFirstProblem(formRef, create.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (creating && asksPassphrase && values.passphrase !== values.confirm) {
      setMismatch(true);
      confirmRef.current?.focus();
      return;
    }
    setMismatch(false);
    create.mutate(toInput(values), {
      onSuccess: (repository) => navigate(`/repositories/${repository.id}`),
    });
  }

  useDocumentTitle('New repository');
  return (
    <>
      <p className="back-link">
        <Link to="/repositories">← Repositories</Link>
      </p>
      <h1>New repository</h1>
      <p className="page-intro">Create a Borg repository, or import one that already exists.</p>

      <form ref={formRef} className="panel form" onSubmit={submit} noValidate aria-busy={create.isPending}>
        {errors.alert && (
          <div className="alert alert--error" role="alert" tabIndex={-1}>
            <p>
              {alreadyExists ? `There is already a repository (or other data) at ${create.variables?.path ?? values.path}.` : errors.alert}
            </p>
            {alreadyExists && creating && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  create.reset();
                  set('mode')('import');
                }}
              >
                Import the existing repository instead
              </button>
            )}
          </div>
        )}
        <fieldset className="form__body" disabled={create.isPending}>
          <ModeChoice value={values.mode} onChange={set('mode')} />
          <NameAndLocationFields
            name={values.name}
            path={values.path}
            onNameChange={set('name')}
            onPathChange={set('path')}
            errors={errors.fields}
            nameHint="How the repository is called in Borgitory."
          />
          {!ssh && <SshKeyDisclosure />}
          {creating ? (
            <EncryptionField value={values.encryption} onChange={set('encryption')} errors={errors.fields['encryption']} />
          ) : (
            <TextAreaField
              label="Key file (optional)"
              name="key-file"
              className="mono"
              rows={4}
              spellCheck={false}
              value={values.keyFile}
              onChange={(event) => set('keyFile')(event.target.value)}
              hint="Only needed for a keyfile repository made elsewhere: paste the text of its exported key (borg key export). Repokey repositories carry their key inside."
              errors={errors.fields['key_file']}
            />
          )}
          {asksPassphrase && (
            <PassphraseFields
              mode={values.mode}
              passphrase={values.passphrase}
              confirm={values.confirm}
              onPassphraseChange={set('passphrase')}
              onConfirmChange={(value) => {
                set('confirm')(value);
                setMismatch(false);
              }}
              mismatch={mismatch}
              errors={errors.fields['passphrase']}
              confirmRef={confirmRef}
            />
          )}
          {ssh && (
            <SshFieldset
              privateKey={values.sshPrivateKey}
              onPrivateKeyChange={set('sshPrivateKey')}
              privateKeyHint="Optional. An unencrypted OpenSSH or PEM private key the server accepts. Leave it empty to use Borgitory's key above."
              policy={values.sshHostKeyPolicy}
              onPolicyChange={set('sshHostKeyPolicy')}
              errors={errors.fields}
            />
          )}
          <MaxAgeField value={values.maxAgeHours} onChange={set('maxAgeHours')} errors={errors.fields['max_age_hours']} />
          <FormActions
            submitLabel={creating ? 'Create repository' : 'Import repository'}
            busyLabel={creating ? 'Creating repository…' : 'Importing repository…'}
            busy={create.isPending}
            cancelPath="/repositories"
            busyStatus="borg is working on the repository; this can take a few seconds."
          />
        </fieldset>
      </form>
    </>
  );
}

/** The request body: only what applies to the chosen mode and location. */
function toInput(values: Values): CreateRepositoryInput {
  const creating = values.mode === 'create';
  const input: CreateRepositoryInput = {
    name: values.name,
    path: values.path.trim(),
    initialize: creating,
    max_age_hours: maxAgeHours(values.maxAgeHours),
  };
  if (creating) input.encryption = values.encryption;
  if ((!creating || values.encryption !== 'none') && values.passphrase) input.passphrase = values.passphrase;
  if (!creating && values.keyFile.trim()) input.key_file = values.keyFile;
  if (isSshLocation(values.path)) {
    input.ssh_host_key_policy = values.sshHostKeyPolicy;
    if (values.sshPrivateKey.trim()) input.ssh_private_key = values.sshPrivateKey;
  }
  return input;
}
