import { destinationProblem, type RemoteProblem } from '@borgitory/remote-host';
import type { RcloneRemote } from './types';

/** The name the remote has in argv (`target:path`); its definition is in the environment under this name. */
export const REMOTE_NAME = 'target';

/** Copied from the base environment; everything else (server secrets, AWS_* that would change S3's behaviour) stays out. */
export const ENV_ALLOWLIST = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ', 'TMPDIR', 'USER', 'LOGNAME'] as const;

const OPTION_NAME = /^[a-z][a-z0-9_]*$/;

/** The complete environment of an rclone child: the allowlist and the remote as RCLONE_CONFIG_TARGET_*. */
export function buildRcloneEnv(remote: RcloneRemote | null, base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ENV_ALLOWLIST) {
    const value = base[name];
    if (value !== undefined) env[name] = value;
  }
  if (!remote) return env;
  const prefix = `RCLONE_CONFIG_${REMOTE_NAME.toUpperCase()}_`;
  env[`${prefix}TYPE`] = remote.type;
  for (const [name, value] of Object.entries(remote.options)) {
    if (!OPTION_NAME.test(name)) throw new Error(`"${name}" is not an rclone option name`);
    env[`${prefix}${name.toUpperCase()}`] = value;
  }
  return env;
}

/** Backends that connect to a host named in their `host` option; sftp also takes a `user` for its ssh login. */
const HOST_BACKENDS: Record<string, { user: boolean }> = { sftp: { user: true }, smb: { user: false } };

/**
 * Why rclone must not be given this remote: a host, an ssh user or a port that is not plainly one (the same rule as
 * for ssh repositories, @borgitory/remote-host; IPv6 bare, as rclone takes it). null when it is fine.
 */
export function remoteHostProblem(remote: RcloneRemote): RemoteProblem | null {
  const backend = HOST_BACKENDS[remote.type];
  if (!backend) return null;
  const { host, user, port } = remote.options;
  return destinationProblem(
    { host: host ?? '', user: backend.user ? user : undefined, port: port === undefined ? undefined : Number(port) },
    'bare',
  );
}

/** `target:path` */
export function remotePath(path: string): string {
  return `${REMOTE_NAME}:${path}`;
}
