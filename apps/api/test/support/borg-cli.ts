import { execFileSync } from 'node:child_process';

/** Runs the borg CLI directly, as a user would outside Borgitory. */
export function borgCli(args: string[], env: { baseDir: string; passphrase?: string }): string {
  return execFileSync('borg', args, {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      BORG_BASE_DIR: env.baseDir,
      ...(env.passphrase ? { BORG_PASSPHRASE: env.passphrase } : {}),
      BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK: 'yes',
      BORG_RELOCATED_REPO_ACCESS_IS_OK: 'yes',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
