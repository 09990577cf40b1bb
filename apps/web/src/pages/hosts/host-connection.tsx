import { formatBytes } from '@borgitory/byte-sizes';
import { useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/errors';
import { useInstallHostKey, useTestHost, type Host, type HostTest } from '../../api/hosts';
import { Fact, Facts } from '../../components/facts';
import { FormField } from '../../components/form-field';
import { RelativeTime } from '../../components/relative-time';
import { RequiresRole } from '../../components/requires-role';
import { FormActions } from '../../components/save-form';
import { formErrors } from '../../forms/form-errors';
import { CommandLine } from './host-login-steps';

/**
 * Whether Borgitory can back the host up: "Test connection" (operators and up) logs in and looks for borg and
 * socat; an admin can also add Borgitory's key with the host user's password, which is then tested the same way.
 */
export function HostConnection({ host }: { host: Host }) {
  const headingId = useId();
  const test = useTestHost(host.id);
  // The newest result, from Test connection or from installing the key.
  const [result, setResult] = useState<HostTest | null>(null);
  return (
    <section className="panel host-connection" aria-labelledby={headingId}>
      <h2 id={headingId}>Connection</h2>
      <RequiresRole atLeast="operator">
        <div className="host-connection__test">
          <button
            type="button"
            className="button button--primary"
            disabled={test.isPending}
            onClick={() => test.mutate(undefined, { onSuccess: setResult })}
          >
            {test.isPending ? 'Testing…' : 'Test connection'}
          </button>
          {!result && !test.isPending && <LastTest host={host} />}
          {test.isPending && <p role="status">Logging in to {host.name}…</p>}
        </div>
        {test.isError && (
          <p className="alert alert--error" role="alert">
            {errorMessage(test.error)}
          </p>
        )}
        {result && <HostTestResult result={result} />}
      </RequiresRole>
      <RequiresRole atLeast="admin">
        <InstallKeyForm host={host} onTested={setResult} />
      </RequiresRole>
    </section>
  );
}

function LastTest({ host }: { host: Host }) {
  const last = host.last_test;
  if (!last) return <p className="muted">Not tested yet.</p>;
  return (
    <p className="muted">
      Last test <RelativeTime value={last.tested_at} />: {last.ok ? 'OK' : last.message}
    </p>
  );
}

/** OK with what was found, or each problem with what fixes it. */
export function HostTestResult({ result }: { result: HostTest }) {
  return (
    <div className={`host-test alert ${result.ok ? 'alert--success' : 'alert--error'}`} role="status">
      <p className="host-test__verdict">
        <strong>{result.ok ? 'OK: Borgitory can back up this host.' : 'Borgitory cannot back up this host yet.'}</strong>{' '}
        <span className="muted">
          Tested <RelativeTime value={result.tested_at} />.
        </span>
      </p>
      {(result.user !== null || result.borg_version !== null) && (
        <Facts>
          {result.user !== null && <Fact term="Logged in as">{result.home ? `${result.user} (home ${result.home})` : result.user}</Fact>}
          {result.borg_version !== null && <Fact term="borg">{result.borg_version}</Fact>}
          {result.socat_version !== null && <Fact term="socat">{result.socat_version}</Fact>}
          {result.free_bytes !== null && <Fact term="Free space in the home">{formatBytes(result.free_bytes)}</Fact>}
        </Facts>
      )}
      {result.problems.length > 0 && (
        <ul className="host-test__problems">
          {result.problems.map((problem) => (
            <li key={problem.code}>
              <p>{problem.message}</p>
              {problem.fix && <CommandLine command={problem.fix} copyLabel={`Copy the fix: ${problem.fix}`} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The host user's password, sent once to add Borgitory's key line. It is read from the field when the form is sent
 * and the field is emptied at once; the request's copy goes with the request (the mutation is reset when it settles).
 */
function InstallKeyForm({ host, onTested }: { host: Host; onTested: (result: HostTest) => void }) {
  const install = useInstallHostKey(host.id);
  const headingId = useId();
  const passwordRef = useRef<HTMLInputElement>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const errors = formErrors(failure, { shown: ['password'], codeFields: { SSH_AUTHENTICATION_FAILED: 'password' } });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = passwordRef.current;
    const password = field?.value ?? '';
    if (field) field.value = '';
    if (password === '') {
      field?.focus();
      return;
    }
    setFailure(null);
    install.mutate(password, {
      onSuccess: onTested,
      onError: (error) => {
        setFailure(error);
        passwordRef.current?.focus();
      },
      onSettled: () => install.reset(),
    });
  }

  return (
    <form className="host-install-key" aria-labelledby={headingId} onSubmit={submit}>
      <h3 id={headingId}>Install the key with a password</h3>
      <p>
        Instead of adding the key line by hand: Borgitory logs in once with the password of <code>{host.ssh_user}</code> and adds its line
        to <code>~/.ssh/authorized_keys</code>. The password is used for this one login and never stored.
      </p>
      {errors.alert && (
        <p className="alert alert--error" role="alert">
          {errors.alert}
        </p>
      )}
      <FormField
        ref={passwordRef}
        label={`Password of ${host.ssh_user}`}
        name="host-password"
        type="password"
        autoComplete="off"
        required
        errors={errors.fields['password']}
      />
      <FormActions
        submitLabel="Install the key"
        busyLabel="Installing the key…"
        busy={install.isPending}
        submitDisabled={install.isPending}
        busyStatus={`Logging in to ${host.name} with the password…`}
      />
    </form>
  );
}
