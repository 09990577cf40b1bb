import { join } from 'node:path';
import { destinationProblem, type RemoteProblem } from '@borgitory/remote-host';

/** A repository location split the way borg 1.2 splits it (helpers/parseformat.py, class Location). */
export type BorgLocation =
  | { remote: false; path: string }
  | {
      remote: true;
      /** `ssh://[user@]host[:port]/path` or `[user@]host:path`. */
      form: 'ssh' | 'scp';
      user: string | null;
      /** As written: an IPv6 address keeps its brackets. */
      host: string;
      port: number | null;
      path: string;
    };

// borg's own regular expressions, for a repository location without "::archive" (the runner appends that itself).
const USER = '(?:(?<user>[^@:/]+)@)?';
const HOST = '(?<host>(?!\\[)[^:/]+(?<!\\])|\\[[0-9a-fA-F:.]+\\])';
const PATH_REST = '(?:[^:]|:(?!:))+$';
const SSH_LOCATION = new RegExp(`^ssh://${USER}${HOST}(?::(?<port>\\d+))?(?<path>/${PATH_REST})`);
const FILE_LOCATION = new RegExp(`^file://(?<path>[^/]*/${PATH_REST})`);
const SCP_LOCATION = new RegExp(`^(?:${USER}${HOST}:)?(?!:|//|ssh://)(?<path>${PATH_REST})`);

/**
 * Splits a location as borg will: the user, host and port it will hand to ssh are exactly these. null when borg
 * would not take it as a repository location. Nothing is judged here: see locationProblem.
 */
export function parseBorgLocation(location: string): BorgLocation | null {
  const ssh = SSH_LOCATION.exec(location);
  if (ssh?.groups) {
    const { user, host, port, path } = ssh.groups;
    return { remote: true, form: 'ssh', user: user ?? null, host, port: port === undefined ? null : Number(port), path };
  }
  const file = FILE_LOCATION.exec(location);
  if (file?.groups) return { remote: false, path: file.groups['path'] };
  const scp = SCP_LOCATION.exec(location);
  if (!scp?.groups) return null;
  const { user, host, path } = scp.groups;
  if (host === undefined) return { remote: false, path };
  return { remote: true, form: 'scp', user: user ?? null, host, port: null, path };
}

/** True when borg reaches the location over ssh (ssh://… or [user@]host:path). */
export function isRemoteLocation(location: string): boolean {
  return parseBorgLocation(location)?.remote === true;
}

/**
 * Why ssh must not be started for this location: a user or host that ssh could read as an option or that is not
 * plainly a user or host (see @borgitory/remote-host), or a port out of range. null for local and acceptable locations.
 */
export function locationProblem(location: string): RemoteProblem | null {
  const parsed = parseBorgLocation(location);
  if (!parsed?.remote) return null;
  return destinationProblem(parsed, 'bracketed');
}

/** `REPO::ARCHIVE` as borg 1.2 expects it. */
export function archiveLocation(location: string, archive: string): string {
  if (!archive) throw new TypeError('An archive name is required');
  return `${location}::${archive}`;
}

/** Where borg keeps keyfile-mode keys for a runner's baseDir (borg's own rule; BORG_KEYS_DIR is not set). */
export function borgKeysDir(baseDir: string): string {
  return join(baseDir, '.config', 'borg', 'keys');
}
