import { useId, useRef } from 'react';
import { errorMessage } from '../../api/errors';
import { useSshPublicKey } from '../../api/ssh';
import { CopyButton } from '../../components/copy-button';

/** Borgitory's ssh public key, to copy into the backup server's authorized_keys. */
export function SshPublicKey() {
  const key = useSshPublicKey();
  const id = useId();
  const boxRef = useRef<HTMLTextAreaElement>(null);

  return (
    <div className="ssh-key">
      <label htmlFor={`${id}-key`}>Borgitory&rsquo;s public key</label>
      <p id={`${id}-hint`} className="field__hint">
        Add this line to <code>~/.ssh/authorized_keys</code> of the ssh user on the backup server, so that Borgitory can log in with its own
        key.
      </p>
      {key.isPending ? (
        <p role="status">Loading the public key…</p>
      ) : key.isError ? (
        <p className="alert alert--error" role="alert">
          {errorMessage(key.error)}
        </p>
      ) : (
        <>
          <textarea
            ref={boxRef}
            id={`${id}-key`}
            className="mono"
            readOnly
            rows={3}
            value={key.data.public_key}
            aria-describedby={`${id}-hint ${id}-fingerprint`}
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton text={key.data.public_key} shownIn={boxRef} label="Copy the public key" />
          <p id={`${id}-fingerprint`} className="field__hint">
            Fingerprint: <code className="wrap">{key.data.fingerprint}</code>
          </p>
        </>
      )}
    </div>
  );
}
