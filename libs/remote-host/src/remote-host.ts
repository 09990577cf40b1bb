import { isIPv6 } from 'node:net';

/**
 * How an IPv6 address is written where it is accepted: in brackets inside a location (`[::1]:path`, where a bare one
 * could not be told from the colons around it), bare in a field that holds nothing but the host (what rclone wants).
 */
export type Ipv6Form = 'bracketed' | 'bare';

export interface RemoteHost {
  kind: 'name' | 'ipv4' | 'ipv6';
  /** The host without brackets, as ssh, ssh-keyscan and rclone take it. */
  address: string;
}

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?$/;
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
/** A label that resolvers read as (part of) an IPv4 address: 10, 0x7f. */
const NUMERIC_LABEL = /^(?:\d+|0x[0-9a-f]*)$/i;
const IPV6_CHARACTERS = /^[0-9A-Fa-f:.]+$/;
const USER = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$/;

/**
 * The host as ssh and rclone would use it, or null when it is not a host name (ASCII letters, digits, inner hyphens and
 * underscores in dot-separated labels: no leading "-", no blank, no trailing dot, IDN only as punycode), a dotted IPv4
 * address (four decimal octets: "0x7f.1" or "010.0.0.1", which resolvers read in other bases, are refused), or an IPv6
 * address in the form `ipv6` says (no zone index).
 */
export function parseHost(text: string, ipv6: Ipv6Form): RemoteHost | null {
  if (IPV4.test(text)) return { kind: 'ipv4', address: text };
  const bracketed = /^\[(.*)\]$/.exec(text);
  const v6 = ipv6 === 'bracketed' ? bracketed?.[1] : bracketed ? undefined : text;
  if (v6 !== undefined && IPV6_CHARACTERS.test(v6) && isIPv6(v6)) return { kind: 'ipv6', address: v6 };
  if (text.length > 253) return null;
  const labels = text.split('.');
  if (!labels.every((label) => LABEL.test(label)) || NUMERIC_LABEL.test(labels[labels.length - 1])) return null;
  return { kind: 'name', address: text };
}

/** Why `text` is not a host (see parseHost), or null when it is one. */
export function hostProblem(text: string, ipv6: Ipv6Form): string | null {
  if (parseHost(text, ipv6)) return null;
  const v6 = ipv6 === 'bracketed' ? 'an IPv6 address in brackets ([2001:db8::1])' : 'an IPv6 address (2001:db8::1)';
  return `${JSON.stringify(text)} is not a host: give a host name (letters, digits, "-" inside, dots between), an IPv4 address or ${v6}`;
}

/** Why `user` is not a login name ssh could take only as one (letters, digits, ".", "_", "-", not first), or null. */
export function userProblem(user: string): string | null {
  if (USER.test(user)) return null;
  return `${JSON.stringify(user)} is not a user name: up to 64 letters, digits, ".", "_" and "-", not starting with "-" or "."`;
}

/** Why `port` is not a TCP port (1–65535), or null. */
export function portProblem(port: number): string | null {
  return Number.isInteger(port) && port >= 1 && port <= 65_535 ? null : `${port} is not a port (1–65535)`;
}

/** Which part of a remote destination is refused, and why. */
export interface RemoteProblem {
  part: 'user' | 'host' | 'port';
  message: string;
}

/** Thrown (or wrapped in a runner's own typed error) when a process is not started because of its destination. */
export class RefusedDestinationError extends Error {
  constructor(readonly problem: RemoteProblem) {
    super(problem.message);
    this.name = 'RefusedDestinationError';
  }
}

/** The first problem of a destination's user (if any), host and port (if any), or null when ssh may be given them. */
export function destinationProblem(
  destination: { user?: string | null; host: string; port?: number | null },
  ipv6: Ipv6Form,
): RemoteProblem | null {
  const user = destination.user === undefined || destination.user === null ? null : userProblem(destination.user);
  if (user) return { part: 'user', message: user };
  const host = hostProblem(destination.host, ipv6);
  if (host) return { part: 'host', message: host };
  const port = destination.port === undefined || destination.port === null ? null : portProblem(destination.port);
  return port ? { part: 'port', message: port } : null;
}

/** Throws RefusedDestinationError unless the destination passes destinationProblem. */
export function assertDestination(destination: { user?: string | null; host: string; port?: number | null }, ipv6: Ipv6Form): void {
  const problem = destinationProblem(destination, ipv6);
  if (problem) throw new RefusedDestinationError(problem);
}
