import { useEffect, useId, useRef } from 'react';
import type { CreatedApiKey } from '../../api/api-keys';
import { CopyButton } from '../../components/copy-button';

interface NewApiKeyProps {
  created: CreatedApiKey;
  onDone: () => void;
}

/** A key just made, shown this once with a Copy button; focused when it appears, so that it is read first. */
export function NewApiKey({ created, onDone }: NewApiKeyProps) {
  const id = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const keyRef = useRef<HTMLInputElement>(null);
  useEffect(() => boxRef.current?.focus(), []);

  return (
    <div ref={boxRef} className="alert alert--warning once-box" role="region" aria-labelledby={`${id}-title`} tabIndex={-1}>
      <h3 id={`${id}-title`} className="once-box__title">
        Your new key “{created.name}”
      </h3>
      <p id={`${id}-warning`}>
        Copy it now: it will not be shown again. Send it as <code>Authorization: Bearer &lt;key&gt;</code>.
      </p>
      <div className="once-box__value">
        <label htmlFor={`${id}-key`} className="visually-hidden">
          API key
        </label>
        <input
          ref={keyRef}
          id={`${id}-key`}
          className="once-box__input"
          readOnly
          value={created.key}
          aria-describedby={`${id}-warning`}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton text={created.key} shownIn={keyRef} label="Copy the key" />
      </div>
      <button type="button" className="button button--small" onClick={onDone}>
        I have copied it
      </button>
    </div>
  );
}
