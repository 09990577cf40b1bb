import { isIPv4, isIPv6 } from 'node:net';
import { DomainError } from '../platform/errors/domain-error';
import { ErrorCode } from '../platform/errors/error-code';

/** `name`, `name:port`, `192.0.2.1:port`, `[::1]:port` → the host part, lower case; null for anything else. */
export function hostnameOf(host: string | undefined): string | null {
  const match = host === undefined ? null : /^(\[[0-9a-f:.]+\]|[^:[\]/@\s]+)(?::\d{1,5})?$/i.exec(host);
  return match ? match[1].toLowerCase() : null;
}

/**
 * Whether first-run setup may happen through this Host. DNS rebinding lets a
 * web page elsewhere reach this server under the page's own name
 * (attacker.example, 127.0.0.1.nip.io), so only an IP address, exactly
 * `localhost` (browsers resolve it themselves) or a name the admin listed in
 * BORGITORY_ALLOWED_HOSTS will do. `localhost.` and `*.localhost` go to DNS in
 * some resolvers, so they are names like any other.
 */
export function isSetupHostAllowed(hostname: string | null, allowedHosts: readonly string[]): boolean {
  if (hostname === null) return false;
  if (hostname.startsWith('[')) return isIPv6(hostname.slice(1, -1));
  return hostname === 'localhost' || isIPv4(hostname) || allowedHosts.includes(hostname);
}

/** The 403 that tells the person at the setup page what to set. */
export function setupHostRefused(hostname: string | null): DomainError {
  const message =
    hostname === null
      ? 'Setup refused: the request has no valid Host header.'
      : `Setup refused: this server was reached as "${hostname}", which is not an IP address, localhost or an allowed host name ` +
        `(a defence against DNS rebinding). If that is this server's name, set BORGITORY_ALLOWED_HOSTS=${hostname} ` +
        'and restart Borgitory, or open it by its IP address.';
  return new DomainError(ErrorCode.HOST_NOT_ALLOWED, message, { host: hostname });
}
