import { execFileSync, spawnSync } from 'node:child_process';

interface BorgCliOptions {
  baseDir: string;
  passphrase?: string;
  /** Returns stderr (where `--list` output goes) followed by stdout. */
  stderrToStdout?: boolean;
}

/** Runs the borg CLI directly, as a user would outside Borgitory. */
export function borgCli(args: string[], options: BorgCliOptions): string {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    BORG_BASE_DIR: options.baseDir,
    ...(options.passphrase ? { BORG_PASSPHRASE: options.passphrase } : {}),
    BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK: 'yes',
    BORG_RELOCATED_REPO_ACCESS_IS_OK: 'yes',
  };
  if (!options.stderrToStdout) return execFileSync('borg', args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
  const run = spawnSync('borg', args, { encoding: 'utf8', env });
  if (run.status !== 0) throw new Error(`borg ${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
  return run.stderr + run.stdout;
}
