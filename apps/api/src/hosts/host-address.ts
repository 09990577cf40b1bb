import { hostProblem, parseHost, portProblem, userProblem } from '@borgitory/remote-host';

/** Where a host is reached: its login, its host name or address (IPv6 without brackets, lower case) and its port. */
export interface HostEndpoint {
  user: string;
  hostname: string;
  port: number;
}

export type HostAddressCheck = { ok: true; endpoint: HostEndpoint } | { ok: false; problem: string };

const FORM = 'ssh://user@host or ssh://user@host:port';
const DEFAULT_PORT = 22;

/**
 * Reads `ssh://user@host[:port]` and nothing else: no other scheme, no path, no query, a user always. The user, host
 * and port must pass the rules of @borgitory/remote-host (those of remote repository locations), because ssh is given
 * them as arguments; an IPv6 address is written in brackets. Otherwise says why not.
 */
export function checkHostAddress(input: string): HostAddressCheck {
  if (!input.startsWith('ssh://')) return refused(`Must be ${FORM}`);
  const rest = input.slice('ssh://'.length);
  if (/[/?#]/.test(rest)) return refused(`Must be ${FORM}, without a path`);
  const at = rest.indexOf('@');
  if (at < 0) return refused(`A user is required: ${FORM}`);
  const user = rest.slice(0, at);
  const hostAndPort = splitHostAndPort(rest.slice(at + 1));

  const problem =
    part('user', userProblem(user)) ??
    part('host', hostProblem(hostAndPort.host, 'bracketed')) ??
    part('port', hostAndPort.port === undefined ? null : portTextProblem(hostAndPort.port));
  if (problem) return refused(problem);
  const host = parseHost(hostAndPort.host, 'bracketed');
  if (!host) return refused(`Must be ${FORM}`);
  const port = hostAndPort.port === undefined ? DEFAULT_PORT : Number(hostAndPort.port);
  return { ok: true, endpoint: { user, hostname: host.address.toLowerCase(), port } };
}

/** The address as the API shows it: the port always written, an IPv6 address in brackets. */
export function formatHostAddress(endpoint: HostEndpoint): string {
  const host = endpoint.hostname.includes(':') ? `[${endpoint.hostname}]` : endpoint.hostname;
  return `ssh://${endpoint.user}@${host}:${endpoint.port}`;
}

/** `[v6]:port`, `host:port` or a host with several colons (a bare IPv6 address, refused as a host). */
function splitHostAndPort(text: string): { host: string; port?: string } {
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) return { host: text };
    const after = text.slice(close + 1);
    if (after === '') return { host: text.slice(0, close + 1) };
    return after.startsWith(':') ? { host: text.slice(0, close + 1), port: after.slice(1) } : { host: text };
  }
  const colons = text.split(':').length - 1;
  if (colons !== 1) return { host: text };
  const [host, port] = text.split(':');
  return { host, port };
}

function portTextProblem(text: string): string | null {
  if (!/^\d{1,5}$/.test(text)) return `${JSON.stringify(text)} is not a port (1–65535)`;
  return portProblem(Number(text));
}

function part(name: 'user' | 'host' | 'port', problem: string | null): string | null {
  return problem === null ? null : `The ${name} is refused: ${problem}`;
}

function refused(problem: string): HostAddressCheck {
  return { ok: false, problem };
}
