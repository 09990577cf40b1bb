import { posix } from 'node:path';
import { locationProblem, parseBorgLocation } from '@borgitory/borg-runner';

export interface RepositoryLocation {
  /** The location as borg is given it. */
  location: string;
  remote: boolean;
  /** For remote locations: host (IPv6 without brackets) and port, to say which host failed. */
  host?: string;
  port?: number;
}

export type LocationCheck = { ok: true; location: RepositoryLocation } | { ok: false; problem: string };

const FORMS = 'an absolute path, ssh://user@host:port/path or user@host:path';

/**
 * Accepts what borg 1.2 accepts and Borgitory can run: an absolute local path, `ssh://[user@]host[:port]/path`, or
 * `[user@]host:path`, split exactly as borg splits it; the user, host and port of a remote location must pass the
 * rule of @borgitory/remote-host, because borg gives them to ssh as arguments. Otherwise says why not.
 */
export function checkRepositoryLocation(input: string): LocationCheck {
  const value = input.trim();
  if (value.length === 0) return refused(`Must be ${FORMS}`);
  if (hasControlCharacter(value)) return refused('Cannot contain control characters (line breaks, tabs, NUL)');
  if (value.startsWith('/')) {
    const normalised = posix.normalize(value);
    if (normalised.includes('::')) return refused('A local path cannot contain "::" (borg reads what follows as an archive name)');
    return { ok: true, location: { location: normalised.length > 1 ? normalised.replace(/\/+$/, '') : normalised, remote: false } };
  }
  if ((/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value) && !value.startsWith('ssh://')) || value.includes('\\'))
    return refused(`Must be ${FORMS}`);

  const parsed = parseBorgLocation(value);
  if (!parsed?.remote || (value.startsWith('ssh://') && (parsed.form !== 'ssh' || parsed.path === '/'))) return refused(`Must be ${FORMS}`);
  const problem = locationProblem(value);
  if (problem) return refused(`The ${problem.part} is refused: ${problem.message}`);
  const host = parsed.host.replace(/^\[(.*)\]$/, '$1');
  return { ok: true, location: { location: value, remote: true, host, port: parsed.port ?? 22 } };
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0x20 || unit === 0x7f) return true;
  }
  return false;
}

function refused(problem: string): LocationCheck {
  return { ok: false, problem };
}
