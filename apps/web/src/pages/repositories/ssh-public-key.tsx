import { useId, useRef, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { useSshPublicKey } from '../../api/ssh';

type CopyState = 'idle' | 'copied' | 'manual';

/** Borgitory's ssh public key, to copy into the backup server's authorized_keys. */
export function SshPublicKey() {
  const key = useSshPublicKey();
  const id = useId();
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  async function copyKey(text: string) {
    try {
      // navigator.clipboard exists only in secure contexts (https or localhost).
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      boxRef.current?.select();
      setCopy('manual');
    }
  }

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
          <div className="ssh-key__box">
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
            <button type="button" className="button" onClick={() => void copyKey(key.data.public_key)}>
              Copy
            </button>
          </div>
          <p id={`${id}-fingerprint`} className="field__hint">
            Fingerprint: <code className="wrap">{key.data.fingerprint}</code>
          </p>
          <p className="ssh-key__status" role="status">
            {copy === 'copied' && 'Copied to the clipboard.'}
            {copy === 'manual' && 'The key is selected: press Ctrl+C (⌘C on a Mac) to copy it.'}
          </p>
        </>
      )}
    </div>
  );
}
