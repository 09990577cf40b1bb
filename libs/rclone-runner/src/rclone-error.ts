/** What went wrong, as far as rclone's messages tell. */
export type RcloneErrorKind =
  | 'authentication'
  | 'not_found'
  | 'host_key'
  | 'connection'
  | 'failed'
  | 'spawn'
  | 'cancelled'
  | 'timeout'
  /** Not started: the remote's host, user or port could reach rclone as something else (see remoteHostProblem). */
  | 'refused';

export interface RcloneErrorInit {
  kind: RcloneErrorKind;
  message: string;
  exitCode: number | null;
  /** The error lines rclone printed (secrets removed), last ones. */
  details?: string[];
  command: string[];
}

/** How an rclone call failed. Never carries a credential: argv holds none and messages are scrubbed. */
export class RcloneError extends Error {
  readonly kind: RcloneErrorKind;
  readonly exitCode: number | null;
  readonly details: string[];
  /** argv without the binary. */
  readonly command: string[];

  constructor(init: RcloneErrorInit) {
    super(init.message);
    this.name = 'RcloneError';
    this.kind = init.kind;
    this.exitCode = init.exitCode;
    this.details = init.details ?? [];
    this.command = [...init.command];
  }
}

const PATTERNS: Array<{ kind: RcloneErrorKind; test: RegExp; says: string }> = [
  {
    kind: 'host_key',
    test: /knownhosts: key mismatch/i,
    says: "The server's host key is not the one stored for it (has the server changed, or is someone in between?)",
  },
  { kind: 'host_key', test: /knownhosts: key is unknown/i, says: "The server's host key is not known" },
  {
    kind: 'authentication',
    test: /InvalidAccessKeyId|SignatureDoesNotMatch|AccessDenied|unable to authenticate|401 Unauthorized|Unauthorized|authentication failed|STATUS_LOGON_FAILURE/i,
    says: 'The credentials were refused',
  },
  { kind: 'not_found', test: /NoSuchBucket/i, says: 'The bucket does not exist' },
  { kind: 'not_found', test: /directory not found|object not found|not found/i, says: 'The path does not exist on the remote' },
  // Connected, then nothing: which of rclone's two timers (response headers, I/O idle) fires first is a race.
  { kind: 'connection', test: /timeout awaiting response headers|read tcp \S+: i\/o timeout/i, says: 'The server did not answer' },
  {
    kind: 'connection',
    test: /connection refused|no such host|i\/o timeout|no route to host|network is unreachable|connection reset|tls: |x509: |dial tcp/i,
    says: 'Could not connect to the server',
  },
];

/** An error kind and a sentence for rclone's error lines; the first matching pattern wins. */
export function classifyRcloneFailure(lines: string[]): { kind: RcloneErrorKind; says: string | null } {
  for (const pattern of PATTERNS) if (lines.some((line) => pattern.test.test(line))) return { kind: pattern.kind, says: pattern.says };
  return { kind: 'failed', says: null };
}

/** Replaces every secret in text by "***". */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 3) out = out.split(secret).join('***');
  return out;
}
