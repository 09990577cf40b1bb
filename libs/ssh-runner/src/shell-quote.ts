/** Quotes one word for a POSIX shell: single quotes, each `'` written as `'\''`. NUL cannot be passed at all. */
export function shellQuote(word: string): string {
  if (word.includes('\0')) throw new TypeError('a shell word cannot contain NUL');
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The remote command for an argv: sshd hands ssh's command string to the user's shell (`$SHELL -c`), so every word is
 * quoted and they are joined with blanks. The first word is the program, run as given.
 */
export function remoteCommand(argv: string[]): string {
  if (argv.length === 0) throw new TypeError('a remote command needs at least the program');
  return argv.map(shellQuote).join(' ');
}
