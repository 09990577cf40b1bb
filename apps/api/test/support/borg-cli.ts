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
    // Checking what the server did needs no self-test of borg each time (the server ran one).
    BORG_SELFTEST: 'disabled',
    BORG_FUSE_IMPL: 'none',
  };
  if (!options.stderrToStdout) return execFileSync('borg', args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
  const run = spawnSync('borg', args, { encoding: 'utf8', env });
  if (run.status !== 0) throw new Error(`borg ${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
  return run.stderr + run.stdout;
}

/** What `borg prune --dry-run --list` decides, as {kept: {name: rule}, pruned: [names]}. */
export function borgPruneDryRun(
  repo: string,
  options: Omit<BorgCliOptions, 'stderrToStdout'>,
  flags: string[],
): { kept: Record<string, string>; pruned: string[] } {
  const output = borgCli(['prune', '--dry-run', '--list', ...flags, repo], { ...options, stderrToStdout: true });
  const kept: Record<string, string> = {};
  const pruned: string[] = [];
  for (const line of output.split('\n')) {
    const keep = /^Keeping archive \(rule: ([^)]*)\):\s+(\S+)/.exec(line);
    if (keep) kept[keep[2]] = keep[1];
    const prune = /^Would prune:\s+(\S+)/.exec(line);
    if (prune) pruned.push(prune[1]);
  }
  return { kept, pruned };
}
