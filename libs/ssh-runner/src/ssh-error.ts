export type SshErrorCode =
  'UNREACHABLE' | 'HOST_KEY_MISMATCH' | 'HOST_KEY_UNKNOWN' | 'AUTH_FAILED' | 'TIMEOUT' | 'REMOTE_FAILED' | 'CANCELLED';

/** A failure of ssh itself (or of a remote step), in words a user can act on; stderr is ssh's own text. */
export class SshError extends Error {
  constructor(
    readonly code: SshErrorCode,
    message: string,
    readonly stderr = '',
  ) {
    super(message);
    this.name = 'SshError';
  }
}

/** ssh's own exit code for its failures (a remote command's exit code is passed through otherwise). */
export const SSH_FAILURE_EXIT = 255;

interface Rule {
  code: SshErrorCode;
  pattern: RegExp;
  message: (where: string) => string;
}

// Order matters: a changed key also prints "Host key verification failed".
const RULES: Rule[] = [
  {
    code: 'HOST_KEY_MISMATCH',
    pattern: /REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for .* has changed/,
    message: (where) =>
      `The host key of ${where} is not the one recorded: it may be another machine, or someone in between. ` +
      'If the host was reinstalled, remove its recorded key and connect again.',
  },
  {
    code: 'HOST_KEY_UNKNOWN',
    pattern: /host key is known for .* you have requested strict checking|Host key verification failed/,
    message: (where) => `The host key of ${where} is not known and strict checking is on: record the host's key first.`,
  },
  {
    code: 'AUTH_FAILED',
    pattern: /Permission denied|Too many authentication failures|no matching host key type|Authentication failed/,
    message: (where) => `${where} refused the login: the key (or password) is not accepted for this user.`,
  },
  {
    code: 'TIMEOUT',
    pattern: /Connection timed out|Operation timed out/,
    message: (where) => `${where} did not answer in time.`,
  },
  {
    code: 'UNREACHABLE',
    pattern: /Could not resolve hostname|Name or service not known|Temporary failure in name resolution|No address associated/,
    message: (where) => `${where} cannot be reached: its name does not resolve.`,
  },
  {
    code: 'UNREACHABLE',
    pattern: /Connection refused/,
    message: (where) => `${where} cannot be reached: the connection was refused (is sshd running on that port?).`,
  },
  {
    code: 'UNREACHABLE',
    pattern: /No route to host|Network is unreachable/,
    message: (where) => `${where} cannot be reached: there is no route to it.`,
  },
  {
    code: 'UNREACHABLE',
    pattern: /not responding|Connection closed by|Connection reset|closed by remote host|Broken pipe|kex_exchange_identification/,
    message: (where) => `The connection to ${where} was lost.`,
  },
];

/**
 * The SshError for an ssh run that ended with `exitCode`, or null when it is not ssh's own failure (a remote command
 * may exit 255 too: then stderr carries none of ssh's messages and it is the command's result).
 */
export function classifySshFailure(exitCode: number | null, stderr: string, where: string): SshError | null {
  if (exitCode !== SSH_FAILURE_EXIT) return null;
  const rule = RULES.find((candidate) => candidate.pattern.test(stderr));
  return rule ? new SshError(rule.code, rule.message(where), stderr) : null;
}

/** Like classifySshFailure, but any 255 becomes an error (for our own scripts, which never exit 255). */
export function sshFailure(exitCode: number | null, stderr: string, where: string): SshError | null {
  const known = classifySshFailure(exitCode, stderr, where);
  if (known || exitCode !== SSH_FAILURE_EXIT) return known;
  const said = lastLine(stderr);
  return new SshError('UNREACHABLE', `ssh to ${where} failed${said ? `: ${said}` : ''}.`, stderr);
}

export function lastLine(text: string): string {
  const lines = text.split('\n').map((line) => line.trim());
  return lines.filter((line) => line !== '').pop() ?? '';
}
