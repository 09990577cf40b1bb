import { ApiRequestError } from '@borgitory/api-client';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useAuthStatus, useLogin } from '../api/auth';
import { errorMessage } from '../api/errors';
import { AuthCard } from '../components/auth-card';
import { FormField } from '../components/form-field';
import './login-page.css';

export function LoginPage() {
  const status = useAuthStatus().data;
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const ssoError = new URLSearchParams(window.location.search).get('sso_error');
  const singleSignOn = status?.single_sign_on ?? null;
  const passwordLogin = status?.password_login ?? true;
  // How many times the server asked for a code: each ask puts the cursor in the code field once it is on screen.
  const [codeRequests, setCodeRequests] = useState(0);
  const askCode = codeRequests > 0;
  useEffect(() => {
    if (codeRequests > 0) codeRef.current?.focus();
  }, [codeRequests]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    login.mutate(
      { username, password, ...(askCode ? { code: code.replace(/\s/g, '') } : {}) },
      {
        onError: (error) => {
          if (isCodeRequest(error)) {
            setCode('');
            setCodeRequests((asked) => asked + 1);
            return;
          }
          if (askCode) {
            setCode('');
            codeRef.current?.focus();
            return;
          }
          setPassword('');
          passwordRef.current?.focus();
        },
      },
    );
  }

  return (
    <AuthCard title="Log in" intro={<p>Log in to manage your backups.</p>}>
      {ssoError && (
        <p className="alert alert--error" role="alert">
          {ssoError}
        </p>
      )}
      {singleSignOn && (
        <a className="button button--primary login__single-sign-on" href={singleSignOn.login_url}>
          Sign in with {singleSignOn.name}
        </a>
      )}
      {passwordLogin && (
        <form onSubmit={submit} aria-label="Log in with a password">
          {singleSignOn && <p className="login__or">or with your password</p>}
          {login.isError && !isCodeRequest(login.error) && (
            <p className="alert alert--error" role="alert">
              {loginErrorMessage(login.error, askCode)}
            </p>
          )}
          <FormField
            label="Username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            readOnly={askCode}
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
            readOnly={askCode}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          {askCode && (
            <FormField
              ref={codeRef}
              label="Two-factor code"
              name="code"
              autoComplete="one-time-code"
              inputMode="text"
              autoCapitalize="none"
              spellCheck={false}
              required
              hint="The 6-digit code of your authenticator app, or one of your recovery codes"
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
          )}
          <button type="submit" className="button button--primary" disabled={login.isPending}>
            {login.isPending ? 'Logging in…' : 'Log in'}
          </button>
        </form>
      )}
    </AuthCard>
  );
}

function isCodeRequest(error: unknown): boolean {
  return error instanceof ApiRequestError && error.code === 'TWO_FACTOR_REQUIRED';
}

function loginErrorMessage(error: unknown, askedCode: boolean): string {
  if (error instanceof ApiRequestError && error.status === 401) {
    return askedCode ? 'That code is not right, or was used already' : 'Invalid username or password';
  }
  return errorMessage(error);
}
