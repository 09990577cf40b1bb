import { posix } from 'node:path';

export interface RepositoryLocation {
  /** The location as borg is given it. */
  location: string;
  remote: boolean;
  /** For remote locations: host and port, to say which host failed. */
  host?: string;
  port?: number;
}

const SCP_STYLE = /^(?:[^@/:\s]+@)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(.+)$/;

/**
 * Accepts what borg 1.2 accepts and Borgitory can run: an absolute local path,
 * `ssh://[user@]host[:port]/path`, or `[user@]host:path`. Returns null for anything else.
 */
export function parseRepositoryLocation(input: string): RepositoryLocation | null {
  const value = input.trim();
  if (value.length === 0 || /[\0\n\r]/.test(value)) return null;

  if (value.startsWith('ssh://')) {
    if (!URL.canParse(value)) return null;
    const url = new URL(value);
    if (!url.hostname || url.pathname.length <= 1 || url.search || url.hash || url.password) return null;
    const port = url.port ? Number(url.port) : 22;
    return { location: value, remote: true, host: url.hostname, port };
  }
  if (value.startsWith('/')) {
    const normalised = posix.normalize(value);
    return { location: normalised.length > 1 ? normalised.replace(/\/+$/, '') : normalised, remote: false };
  }
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value) || value.includes('\\')) return null;
  const scp = SCP_STYLE.exec(value);
  if (scp) return { location: value, remote: true, host: scp[1].replace(/^\[|\]$/g, ''), port: 22 };
  return null;
}
