import { useEffect, useRef } from 'react';
import { CopyButton } from '../../components/copy-button';

interface RecoveryCodesProps {
  codes: string[];
  onDone: () => void;
}

/** The recovery codes, shown this once right after two-factor sign-in was turned on; focused when they appear. */
export function RecoveryCodes({ codes, onDone }: RecoveryCodesProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => boxRef.current?.focus(), []);

  return (
    <div ref={boxRef} className="alert alert--warning once-box" role="region" aria-labelledby="recovery-codes-heading" tabIndex={-1}>
      <h3 id="recovery-codes-heading" className="once-box__title">
        Two-factor sign-in is on. Save your recovery codes
      </h3>
      <p>
        Each code logs you in once, in place of the authenticator app, should you lose your phone. Keep them somewhere safe, such as a
        password manager: they will not be shown again.
      </p>
      <ol ref={listRef} className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="once-box__actions">
        <CopyButton text={codes.join('\n')} shownIn={listRef} label="Copy the recovery codes" />
        <button type="button" className="button button--primary" onClick={onDone}>
          I saved them
        </button>
      </div>
    </div>
  );
}
