import { useRef, useState, type FormEvent } from 'react';
import { useSetup } from '../api/auth';
import { AuthCard } from '../components/auth-card';
import { FormField } from '../components/form-field';
import { formErrors } from '../forms/form-errors';

/** First run: there is no user yet, so the first one is created here and logged in. */
export function SetupPage() {
  const setup = useSetup();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const confirmRef = useRef<HTMLInputElement>(null);

  const errors = formErrors(setup.error, { shown: ['username', 'password'] });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password !== confirm) {
      setMismatch(true);
      confirmRef.current?.focus();
      return;
    }
    setMismatch(false);
    setup.mutate({ username, password });
  }

  return (
    <AuthCard title="Set up Borgitory" intro={<p>Welcome! Create the account you will use to log in to Borgitory.</p>}>
      <form onSubmit={submit} noValidate>
        {errors.alert && (
          <p className="alert alert--error" role="alert">
            {errors.alert}
          </p>
        )}
        <FormField
          label="Username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          hint="Letters, digits and . _ @ - (up to 64 characters)."
          errors={errors.fields['username']}
        />
        <FormField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          hint="At least 12 characters, and hard to guess: a few unrelated words, or random characters."
          errors={errors.fields['password']}
        />
        <FormField
          ref={confirmRef}
          label="Confirm password"
          name="confirm-password"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(event) => {
            setConfirm(event.target.value);
            setMismatch(false);
          }}
          errors={mismatch ? ['The passwords do not match'] : undefined}
        />
        <button type="submit" className="button button--primary" disabled={setup.isPending}>
          {setup.isPending ? 'Creating account…' : 'Create account'}
        </button>
      </form>
    </AuthCard>
  );
}
