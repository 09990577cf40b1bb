/** What to install on a host for pull mode: borg, and socat, which joins the forwarded socket to the host's borg. */
export const INSTALL_COMMAND = 'sudo apt install borgbackup socat';

/** One word for a POSIX shell, whatever it holds: in single quotes, each `'` written as `'\''`. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The line a user runs on the host, as the user Borgitory logs in as, to add the authorized_keys line: printf
 * rather than echo, which some shells would read backslashes in; ~/.ssh made private if it is new.
 */
export function addAuthorizedKeyCommand(line: string): string {
  return `mkdir -p -m 700 ~/.ssh && printf '%s\\n' ${shellQuote(line)} >> ~/.ssh/authorized_keys`;
}
