import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  useUpdateRepository,
  type HostKeyPolicy,
  type Repository,
  type UpdateRepositoryInput,
} from '../../api/repositories';
import { FormField } from '../../components/form-field';
import { focusFirstProblem } from './focus-first-problem';
import { repositoryFormErrors, stillRelevant } from './form-errors';
import { isSshLocation } from './location';
import { LOCATION_HINT } from './location-hint';
import { RepositoryLoader } from './repository-loader';
import { SshFieldset } from './ssh-fieldset';
import './repositories.css';

export function EditRepositoryPage() {
  return <RepositoryLoader>{(repository) => <EditRepositoryForm repository={repository} />}</RepositoryLoader>;
}

interface Values {
  name: string;
  path: string;
  passphrase: string;
  sshPrivateKey: string;
  useServerKey: boolean;
  sshHostKeyPolicy: HostKeyPolicy;
}

/** Rename, move, or change the passphrase or ssh settings; borg checks connection changes before they are saved. */
function EditRepositoryForm({ repository }: { repository: Repository }) {
  const update = useUpdateRepository(repository.id);
  const navigate = useNavigate();
  const serverKeyId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>({
    name: repository.name,
    path: repository.path,
    passphrase: '',
    sshPrivateKey: '',
    useServerKey: false,
    sshHostKeyPolicy: repository.ssh_host_key_policy,
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
  ];
  const errors = repositoryFormErrors(update.error, shownFields);
  const fieldErrors = stillRelevant(errors.fields, update.variables, changes(repository, values));

  useEffect(() => {
    if (update.error) focusFirstProblem(formRef.current);
  }, [update.error]);

  function set<K extends keyof Values>(field: K) {
    return (value: Values[K]) => setValues((current) => ({ ...current, [field]: value }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = changes(repository, values);
    if (Object.keys(input).length === 0) {
      navigate(detailsPath);
      return;
    }
    update.mutate(input, { onSuccess: () => navigate(detailsPath) });
  }

  return (
    <>
      <p className="back-link">
        <Link to={detailsPath}>← {repository.name}</Link>
      </p>
      <h1>Edit {repository.name}</h1>
      <p className="page-intro">
        A new location, passphrase or ssh setting is checked with borg before it is saved.
      </p>

      <form ref={formRef} className="panel form" onSubmit={submit} noValidate aria-busy={update.isPending}>
        {errors.alert && (
          <p className="alert alert--error" role="alert" tabIndex={-1}>
            {errors.alert}
          </p>
        )}
        <fieldset className="form__body" disabled={update.isPending}>
          <FormField
            label="Name"
            name="name"
            autoComplete="off"
            required
            value={values.name}
            onChange={(event) => set('name')(event.target.value)}
            errors={fieldErrors['name']}
          />
          <FormField
            label="Location"
            name="path"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            className="mono"
            value={values.path}
            onChange={(event) => set('path')(event.target.value)}
            hint={<>Where the repository is now, if it was moved. {LOCATION_HINT}</>}
            errors={fieldErrors['path']}
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
              errors={fieldErrors['passphrase']}
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
              errors={fieldErrors}
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
          <div className="form__actions">
            <button type="submit" className="button button--primary">
              {update.isPending ? 'Saving…' : 'Save changes'}
            </button>
            <Link to={detailsPath} className="button">
              Cancel
            </Link>
            <p className="form__status" role="status">
              {update.isPending && 'borg is checking the repository; this can take a few seconds.'}
            </p>
          </div>
        </fieldset>
      </form>
    </>
  );
}

/** Only what differs from the repository; ssh settings only for an ssh location. */
function changes(repository: Repository, values: Values): UpdateRepositoryInput {
  const input: UpdateRepositoryInput = {};
  if (values.name.trim() !== repository.name) input.name = values.name;
  if (values.path.trim() !== repository.path) input.path = values.path.trim();
  if (values.passphrase) input.passphrase = values.passphrase;
  if (isSshLocation(values.path)) {
    if (values.useServerKey) input.ssh_private_key = null;
    else if (values.sshPrivateKey.trim()) input.ssh_private_key = values.sshPrivateKey;
    if (values.sshHostKeyPolicy !== repository.ssh_host_key_policy) input.ssh_host_key_policy = values.sshHostKeyPolicy;
  }
  return input;
}
