import { useId } from 'react';
import { useSshFingerprint } from '../../util/ssh-fingerprint';

/**
 * The host key an SFTP server showed at the first connection, which Borgitory
 * stored and now holds it to: the user should check that it is their server's.
 */
export function LearnedHostKey({ hostKey }: { hostKey: string }) {
  const headingId = useId();
  const lines = hostKey.split('\n').filter((line) => line.trim() !== '');
  return (
    <section className="alert alert--warning result learned-host-key" aria-labelledby={headingId}>
      <h3 id={headingId}>Host key stored: check that it is your server’s</h3>
      <p>
        This was the first connection, so Borgitory stored the key the server showed, and will refuse any other from now on. On the server,{' '}
        <code>ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</code> prints the fingerprint of its ed25519 key (and <code>cat</code> the
        key itself). If they differ, do not sync there: edit the configuration and put the server’s own key in Host key.
      </p>
      <ul className="learned-host-key__keys">
        {lines.map((line) => (
          <HostKeyLine key={line} line={line} />
        ))}
      </ul>
    </section>
  );
}

function HostKeyLine({ line }: { line: string }) {
  const fingerprint = useSshFingerprint(line);
  return (
    <li>
      {fingerprint && (
        <p>
          <span className="learned-host-key__type">{line.split(/\s+/)[0]}</span> <code>{fingerprint}</code>
        </p>
      )}
      <code className="wrap learned-host-key__line">{line}</code>
    </li>
  );
}
