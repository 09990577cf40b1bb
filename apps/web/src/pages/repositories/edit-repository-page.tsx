import { useId, useRef, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useUpdateRepository, type HostKeyPolicy, type Repository, type UpdateRepositoryInput } from '../../api/repositories';
import { FormField } from '../../components/form-field';
import { RepositoryLoader } from '../../components/repositories/repository-loader';
import { FormActions, SaveForm } from '../../components/save-form';
import { useFocusFirstProblem } from '../../forms/focus-first-problem';
import { useFormValues } from '../../forms/use-form-values';
import { isSshLocation } from './location';
import { MaxAgeField } from './max-age-field';
import { maxAgeChange, maxAgeText } from './max-age-values';
import { NameAndLocationFields } from './name-and-location-fields';
import { repositoryFormErrors } from './repository-form-errors';
import { SshFieldset } from './ssh-fieldset';
import './repositories.css';
import { useDocumentTitle } from '../../util/use-document-title';
import { NeedsRolePage } from '../../components/needs-role';

export function EditRepositoryPage() {
  return (
    <NeedsRolePage
      atLeast="admin"
      title="Edit repository"
      action="Changing a repository"
      back={{ to: '/repositories', label: 'the repositories' }}
    >
      <RepositoryLoader>{(repository) => <EditRepositoryForm repository={repository} />}</RepositoryLoader>
    </NeedsRolePage>
  );
}

interface Values {
  name: string;
  path: string;
  passphrase: string;
  sshPrivateKey: string;
  useServerKey: boolean;
  sshHostKeyPolicy: HostKeyPolicy;
  maxAgeHours: string;
}

/** Rename, move, change the passphrase or ssh settings, or what is expected; borg checks connection changes before they are saved. */
function EditRepositoryForm({ repository }: { repository: Repository }) {
  const update = useUpdateRepository(repository.id);
  const navigate = useNavigate();
  const serverKeyId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, set] = useFormValues<Values>({
    name: repository.name,
    path: repository.path,
    passphrase: '',
    sshPrivateKey: '',
    useServerKey: false,
    sshHostKeyPolicy: repository.ssh_host_key_policy,
    maxAgeHours: maxAgeText(repository.max_age_hours),
  });

  const detailsPath = `/repositories/${repository.id}`;
  const ssh = isSshLocation(values.path);
  const hasCustomKey = repository.is_remote && repository.ssh_key_source === 'custom';
  const encrypted = repository.encryption !== 'none';
  const shownFields = [
    'name',
    'path',
    ...(encrypted ? ['passphrase'] : []),
    ...(ssh ? ['ssh_private_key', 'ssh_host_key_policy'] : []),
    'max_age_hours',
  ];
  const errors = repositoryFormErrors(update.error, shownFields, update.variables, changes(repository, values));

  useFocusFirstProblem(formRef, update.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = changes(repository, values);
    if (Object.keys(input).length === 0) {
      navigate(detailsPath);
      return;
    }
    update.mutate(input, { onSuccess: () => navigate(detailsPath) });
  }

  useDocumentTitle(`Edit ${repository.name}`);
  return (
    <>
      <p className="back-link">
        <Link to={detailsPath}>← {repository.name}</Link>
      </p>
      <h1>Edit {repository.name}</h1>
      <p className="page-intro">A new location, passphrase or ssh setting is checked with borg before it is saved.</p>

      <SaveForm ref={formRef} onSubmit={submit} busy={update.isPending} alert={errors.alert}>
        <NameAndLocationFields
          name={values.name}
          path={values.path}
          onNameChange={set('name')}
          onPathChange={set('path')}
          errors={errors.fields}
          locationIntro="Where the repository is now, if it was moved."
        />
        {encrypted && (
          <FormField
            label="Passphrase"
            name="passphrase"
            type="password"
            autoComplete="new-password"
            value={values.passphrase}
            onChange={(event) => set('passphrase')(event.target.value)}
            hint="Leave it empty to keep the stored passphrase. Enter a new one only if the repository's passphrase was changed with borg; this does not change the repository itself."
            errors={errors.fields['passphrase']}
          />
        )}
        {ssh && (
          <SshFieldset
            privateKey={values.sshPrivateKey}
            onPrivateKeyChange={set('sshPrivateKey')}
            privateKeyDisabled={values.useServerKey}
            privateKeyHint={
              hasCustomKey
                ? 'Optional. Leave it empty to keep the private key given earlier.'
                : "Optional. An unencrypted OpenSSH or PEM private key the server accepts. Leave it empty to use Borgitory's key above."
            }
            policy={values.sshHostKeyPolicy}
            onPolicyChange={set('sshHostKeyPolicy')}
            errors={errors.fields}
          >
            {hasCustomKey && (
              <div className="choice">
                <input
                  type="checkbox"
                  id={serverKeyId}
                  checked={values.useServerKey}
                  onChange={(event) => set('useServerKey')(event.target.checked)}
                />
                <label htmlFor={serverKeyId}>Go back to Borgitory&rsquo;s own key</label>
              </div>
            )}
          </SshFieldset>
        )}
        <MaxAgeField value={values.maxAgeHours} onChange={set('maxAgeHours')} errors={errors.fields['max_age_hours']} />
        <FormActions
          submitLabel="Save changes"
          busy={update.isPending}
          cancelPath={detailsPath}
          busyStatus="borg is checking the repository; this can take a few seconds."
        />
      </SaveForm>
    </>
  );
}

/** Only what differs from the repository; ssh settings only for an ssh location. */
function changes(repository: Repository, values: Values): UpdateRepositoryInput {
  const input: UpdateRepositoryInput = {};
  if (values.name.trim() !== repository.name) input.name = values.name;
  if (values.path.trim() !== repository.path) input.path = values.path.trim();
  if (values.passphrase) input.passphrase = values.passphrase;
  const maxAge = maxAgeChange(repository.max_age_hours, values.maxAgeHours);
  if (maxAge !== undefined) input.max_age_hours = maxAge;
  if (isSshLocation(values.path)) {
    if (values.useServerKey) input.ssh_private_key = null;
    else if (values.sshPrivateKey.trim()) input.ssh_private_key = values.sshPrivateKey;
    if (values.sshHostKeyPolicy !== repository.ssh_host_key_policy) input.ssh_host_key_policy = values.sshHostKeyPolicy;
  }
  return input;
}
