import { shellQuote } from '@borgitory/remote-host';

export { shellQuote };

/**
 * The remote command for an argv: sshd hands ssh's command string to the user's shell (`$SHELL -c`), so every word is
 * quoted and they are joined with blanks. The first word is the program, run as given.
 */
export function remoteCommand(argv: string[]): string {
  if (argv.length === 0) throw new TypeError('a remote command needs at least the program');
  return argv.map(shellQuote).join(' ');
}
