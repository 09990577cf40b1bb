import { assertDestination, sshConfigQuote } from '@borgitory/remote-host';
import type { SshAccess, SshConnection, SshTarget } from './types';

/** Keepalives every 10 s, three unanswered: a dropped connection is noticed within about 30 s. */
export const SERVER_ALIVE_INTERVAL_SECONDS = 10;
export const SERVER_ALIVE_COUNT_MAX = 3;

/** The only variables copied from the base environment into ssh's. */
export const SSH_ENV_ALLOWLIST = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ', 'TMPDIR', 'USER', 'LOGNAME'] as const;

export function sshEnv(base: NodeJS.ProcessEnv, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of SSH_ENV_ALLOWLIST) {
    const value = base[name];
    if (value !== undefined) env[name] = value;
  }
  return { ...env, ...extra };
}

/** How a target is named in messages: user@host:port. */
export function describeTarget(target: SshTarget): string {
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  return `${target.user}@${host}:${target.port}`;
}

/** Throws RefusedDestinationError unless user, host (bare IPv6 allowed) and port could only be read as what they are. */
export function assertTarget(target: SshTarget): void {
  assertDestination({ user: target.user, host: target.host, port: target.port }, 'bare');
}

export interface SshArgsInput {
  target: SshTarget;
  hostKeyPolicy: SshAccess['hostKeyPolicy'];
  knownHostsFile: string;
  /** Absent only for password logins (installKey). */
  identityFile?: string;
  connectTimeoutSeconds: number;
  /** Options that replace BatchMode=yes or add to the defaults, as `Key=value`. */
  options?: string[];
  /** Flags before `--` (`-s`, `-R …`). */
  flags?: string[];
  /** The remote command (or subsystem name) as ssh's last argument. */
  command: string;
}

/**
 * ssh's argv (without the program): every option through `-o` (file paths quoted for ssh's own parser), then `--`
 * so nothing after it is read as an option, then user@host and the remote command.
 */
export function sshArgs(input: SshArgsInput): string[] {
  assertTarget(input.target);
  const timeout = input.connectTimeoutSeconds;
  if (!Number.isInteger(timeout) || timeout <= 0) throw new TypeError('connectTimeoutSeconds must be a positive integer');
  const policy = input.hostKeyPolicy;
  if (policy !== 'accept-new' && policy !== 'strict') throw new TypeError(`Unsupported hostKeyPolicy: ${String(policy)}`);
  const options = input.options ?? [];
  const words: string[] = [];
  if (!options.some((option) => option.startsWith('BatchMode='))) words.push('-o', 'BatchMode=yes');
  words.push('-o', `StrictHostKeyChecking=${policy === 'strict' ? 'yes' : 'accept-new'}`);
  words.push('-o', `UserKnownHostsFile=${sshConfigQuote(input.knownHostsFile)}`);
  if (input.identityFile !== undefined) {
    words.push('-o', `IdentityFile=${sshConfigQuote(input.identityFile)}`, '-o', 'IdentitiesOnly=yes');
  }
  words.push('-o', `ConnectTimeout=${timeout}`);
  words.push('-o', `ServerAliveInterval=${SERVER_ALIVE_INTERVAL_SECONDS}`);
  words.push('-o', `ServerAliveCountMax=${SERVER_ALIVE_COUNT_MAX}`);
  for (const option of options) words.push('-o', option);
  words.push(...(input.flags ?? []));
  words.push('-p', String(input.target.port), '--', `${input.target.user}@${input.target.host}`, input.command);
  return words;
}

/** The argv for a connection (key login). */
export function connectionArgs(
  connection: SshConnection,
  connectTimeoutSeconds: number,
  command: string,
  extra: Pick<SshArgsInput, 'options' | 'flags'> = {},
): string[] {
  return sshArgs({
    target: connection,
    hostKeyPolicy: connection.hostKeyPolicy,
    knownHostsFile: connection.knownHostsFile,
    identityFile: connection.identityFile,
    connectTimeoutSeconds,
    command,
    ...extra,
  });
}
