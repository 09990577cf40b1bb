import { useId, useRef } from 'react';
import { errorMessage } from '../../api/errors';
import { useHostAuthorizedKey } from '../../api/hosts';
import { CopyButton } from '../../components/copy-button';
import { addAuthorizedKeyCommand, INSTALL_COMMAND } from './setup-commands';

/**
 * What a host needs before Borgitory can back it up, in the order to do it: borg and socat installed, Borgitory's
 * key in the authorized_keys of the user it logs in as (the line to copy, or one command that adds it), then the
 * host saved here.
 */
export function HostLoginSteps() {
  const headingId = useId();
  return (
    <section className="panel host-login" aria-labelledby={headingId}>
      <h2 id={headingId}>Let Borgitory log in</h2>
      <p className="host-login__intro">
        Borgitory backs up a host by logging in to it over ssh with its own key and running borg there. Three steps, the first two on the
        host:
      </p>
      <ol className="host-login__steps">
        <li>
          <h3>Install borg and socat</h3>
          <p>socat carries borg&rsquo;s connection back to Borgitory. On Debian or Ubuntu:</p>
          <CommandLine command={INSTALL_COMMAND} copyLabel="Copy the install command" />
        </li>
        <li>
          <h3>Add Borgitory&rsquo;s key</h3>
          <AuthorizedKey />
        </li>
        <li>
          <h3>Save the host here</h3>
          <p>Its name, the address Borgitory logs in at, and how it recognises the host.</p>
        </li>
      </ol>
    </section>
  );
}

function AuthorizedKey() {
  const key = useHostAuthorizedKey();
  const id = useId();
  const lineRef = useRef<HTMLTextAreaElement>(null);
  if (key.isPending) return <p role="status">Loading Borgitory&rsquo;s key…</p>;
  if (key.isError) {
    return (
      <p className="alert alert--error" role="alert">
        {errorMessage(key.error)}
      </p>
    );
  }
  const line = key.data.authorized_key;
  return (
    <div className="host-login__key">
      <label htmlFor={`${id}-line`}>
        As the user Borgitory logs in as, add this line to <code>~/.ssh/authorized_keys</code>
      </label>
      <textarea
        ref={lineRef}
        id={`${id}-line`}
        className="mono"
        readOnly
        rows={3}
        spellCheck={false}
        value={line}
        aria-describedby={`${id}-about`}
        onFocus={(event) => event.currentTarget.select()}
      />
      <CopyButton text={line} shownIn={lineRef} label="Copy the key line" />
      <p id={`${id}-about`} className="field__hint">
        <code>restrict</code> turns off a terminal and agent and X11 forwarding for this key; <code>port-forwarding</code> lets borg&rsquo;s
        connection through.
      </p>
      <p>Or run this there, logged in as that user:</p>
      <CommandLine command={addAuthorizedKeyCommand(line)} copyLabel="Copy the command that adds the key" />
    </div>
  );
}

/** A shell command to run on the host, with its Copy button. */
export function CommandLine({ command, copyLabel }: { command: string; copyLabel: string }) {
  const commandRef = useRef<HTMLElement>(null);
  return (
    <div className="host-login__command">
      <pre>
        <code ref={commandRef}>{command}</code>
      </pre>
      <CopyButton text={command} shownIn={commandRef} label={copyLabel} />
    </div>
  );
}
