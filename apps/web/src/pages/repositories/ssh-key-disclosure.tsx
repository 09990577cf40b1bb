import { SshPublicKey } from './ssh-public-key';

/**
 * Borgitory's public key before an ssh location is typed: a remote repository needs the key in the backup server's
 * authorized_keys before borg can create it there, so whoever is about to add one finds the key where they start.
 */
export function SshKeyDisclosure() {
  return (
    <details className="ssh-key-disclosure">
      <summary>Backing up to another machine over ssh? Borgitory&rsquo;s public key</summary>
      <SshPublicKey />
    </details>
  );
}
