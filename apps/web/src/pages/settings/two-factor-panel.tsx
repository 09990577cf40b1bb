import { useRef, useState } from 'react';
import type { User } from '../../api/auth';
import { errorMessage } from '../../api/errors';
import { useStartTwoFactor, type TwoFactorEnrolment } from '../../api/two-factor';
import { RecoveryCodes } from './recovery-codes';
import { TurnOffTwoFactorDialog } from './turn-off-two-factor-dialog';
import { TwoFactorEnrolmentForm } from './two-factor-enrolment-form';

/**
 * Two-factor sign-in: whether it is on; turning it on (a QR code or the secret for an authenticator app, then a
 * code from it, then the recovery codes, shown this once); turning it off with the password.
 */
export function TwoFactorPanel({ user }: { user: User }) {
  const start = useStartTwoFactor();
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [turningOff, setTurningOff] = useState(false);
  // Where focus goes once the recovery codes, which held it, are put away.
  const headingRef = useRef<HTMLHeadingElement>(null);

  return (
    <section className="panel" aria-labelledby="two-factor-heading">
      <div className="panel__header">
        <h2 id="two-factor-heading" ref={headingRef} tabIndex={-1}>
          Two-factor sign-in
        </h2>
        <span className={user.two_factor_enabled ? 'badge badge--ok' : 'badge badge--neutral'}>
          {user.two_factor_enabled ? 'On' : 'Off'}
        </span>
      </div>
      {recoveryCodes ? (
        <RecoveryCodes
          codes={recoveryCodes}
          onDone={() => {
            setRecoveryCodes(null);
            headingRef.current?.focus();
          }}
        />
      ) : enrolment ? (
        <TwoFactorEnrolmentForm
          enrolment={enrolment}
          onConfirmed={(codes) => {
            setEnrolment(null);
            setRecoveryCodes(codes);
          }}
          // The pending secret stays on the server until the next start replaces it; it never changes how one logs in.
          onCancel={() => setEnrolment(null)}
        />
      ) : user.two_factor_enabled ? (
        <>
          <p className="panel__text">Logging in asks for a code from your authenticator app, or one of your recovery codes.</p>
          <div className="two-factor__actions">
            <button type="button" className="button button--danger-outline" onClick={() => setTurningOff(true)}>
              Turn off
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="panel__text">
            Logging in asks only for your password. With two-factor sign-in on, it also asks for a code from an authenticator app on your
            phone, so that a stolen password is not enough.
          </p>
          {start.isError && (
            <p className="alert alert--error two-factor__alert" role="alert">
              {errorMessage(start.error)}
            </p>
          )}
          <div className="two-factor__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={start.isPending}
              onClick={() => start.mutate(undefined, { onSuccess: setEnrolment })}
            >
              {start.isPending ? 'Starting…' : 'Turn on'}
            </button>
          </div>
        </>
      )}
      <TurnOffTwoFactorDialog open={turningOff} onClose={() => setTurningOff(false)} />
    </section>
  );
}
