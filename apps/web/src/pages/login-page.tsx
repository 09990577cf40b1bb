import { ApiRequestError } from '@borgitory/api-client';
import { useRef, useState, type FormEvent } from 'react';
import { useLogin } from '../api/auth';
import { errorMessage } from '../api/errors';
import { AuthCard } from '../components/auth-card';
import { FormField } from '../components/form-field';

export function LoginPage() {
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    login.mutate(
      { username, password },
      {
        onError: () => {
          setPassword('');
          passwordRef.current?.focus();
        },
      },
    );
  }

  return (
    <AuthCard title="Log in" intro={<p>Log in to manage your backups.</p>}>
      <form onSubmit={submit}>
        {login.isError && (
          <p className="alert alert--error" role="alert">
            {loginErrorMessage(login.error)}
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
        />
        <FormField
          ref={passwordRef}
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={login.isPending}>
          {login.isPending ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </AuthCard>
  );
}

function loginErrorMessage(error: unknown): string {
  if (error instanceof ApiRequestError && error.status === 401) return 'Invalid username or password';
  return errorMessage(error);
}
