import { sshConfigQuote } from '@borgitory/remote-host';
import type { BorgSshOptions } from './types';

export { sshConfigQuote };

const DEFAULT_CONNECT_TIMEOUT = 15;

/**
 * The BORG_RSH value for a connection. borg splits it with Python's shlex.split, so every word is quoted
 * the way shlex reads it; values of `-o Key=value` are additionally quoted for ssh's own option parser
 * (which splits on blanks and expands `%` tokens).
 */
export function buildBorgRsh(ssh?: BorgSshOptions): string {
  return sshCommand(ssh).map(shlexQuote).join(' ');
}

/** The ssh command line, as argv words: `ssh -o BatchMode=yes …`. */
export function sshCommand(ssh?: BorgSshOptions): string[] {
  const words = ['ssh', '-o', 'BatchMode=yes'];
  if (ssh) {
    const timeout = ssh.connectTimeoutSeconds ?? DEFAULT_CONNECT_TIMEOUT;
    if (!Number.isInteger(timeout) || timeout <= 0) throw new TypeError('connectTimeoutSeconds must be a positive integer');
    if (ssh.strictHostKeyChecking !== 'accept-new' && ssh.strictHostKeyChecking !== 'yes') {
      throw new TypeError(`Unsupported strictHostKeyChecking: ${String(ssh.strictHostKeyChecking)}`);
    }
    words.push('-o', `StrictHostKeyChecking=${ssh.strictHostKeyChecking}`);
    words.push('-o', `UserKnownHostsFile=${sshConfigQuote(ssh.knownHostsFile)}`);
    words.push('-o', `ConnectTimeout=${timeout}`);
    if (ssh.identityFile) {
      // Same as `-i FILE`, but through ssh's config parser so that '%' and blanks in the path survive.
      words.push('-o', `IdentityFile=${sshConfigQuote(ssh.identityFile)}`, '-o', 'IdentitiesOnly=yes');
    }
  }
  return words;
}

/** Quotes one word so Python's shlex.split (POSIX mode) gives it back unchanged; same rule as shlex.quote. */
export function shlexQuote(word: string): string {
  if (word === '') return "''";
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'"'"'`)}'`;
}
