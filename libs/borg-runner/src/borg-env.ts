import { buildBorgRsh } from './borg-rsh';
import { isRemoteLocation } from './location';
import type { BorgConnection } from './types';

/** The only variables copied from the base environment. Everything else (server secrets, stray BORG_*) stays out. */
export const ENV_ALLOWLIST = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ', 'TMPDIR', 'USER', 'LOGNAME'] as const;

export interface BorgEnvInput {
  baseDir: string;
  baseEnv?: NodeJS.ProcessEnv;
  /** null for calls that open no repository (borg --version). */
  connection: BorgConnection | null;
  /** Only deleteRepository sets this. */
  allowRepositoryDelete?: boolean;
  /** Only check with repair sets this. */
  allowRepair?: boolean;
  /** Once borg's self-tests passed on this binary (BorgRunner.selfTest): BORG_SELFTEST=disabled. */
  skipSelfTest?: boolean;
}

/**
 * The complete environment of a borg child: the allowlist plus BORG_* variables set here. The passphrase travels
 * only as BORG_PASSPHRASE, and only when the connection has one (null/undefined: unset, which suits 'none' repos).
 * Every question borg could ask gets a fixed answer, so a server never hangs on a prompt.
 */
export function buildBorgEnv(input: BorgEnvInput): Record<string, string> {
  const base = input.baseEnv ?? process.env;
  const env: Record<string, string> = {};
  for (const name of ENV_ALLOWLIST) {
    const value = base[name];
    if (value !== undefined) env[name] = value;
  }
  Object.assign(env, {
    BORG_BASE_DIR: input.baseDir,
    BORG_DISPLAY_PASSPHRASE: 'no',
    BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK: 'yes',
    BORG_RELOCATED_REPO_ACCESS_IS_OK: 'yes',
    BORG_CHECK_I_KNOW_WHAT_I_AM_DOING: input.allowRepair ? 'YES' : 'NO',
    BORG_DELETE_I_KNOW_WHAT_I_AM_DOING: input.allowRepositoryDelete ? 'YES' : 'NO',
    BORG_EXIT_CODES: 'legacy',
    // Nothing here mounts archives: borg need not load a FUSE library (pyfuse3 and trio) at every start.
    BORG_FUSE_IMPL: 'none',
  });
  if (input.skipSelfTest) env['BORG_SELFTEST'] = 'disabled';
  const conn = input.connection;
  if (conn) {
    if (conn.passphrase !== undefined && conn.passphrase !== null) env['BORG_PASSPHRASE'] = conn.passphrase;
    if (conn.ssh || isRemoteLocation(conn.location)) env['BORG_RSH'] = buildBorgRsh(conn.ssh);
  }
  return env;
}
