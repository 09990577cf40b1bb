// `npm test`: install what is missing (npm packages, borg, rclone, sshd, chromium), then run every test:
// lint, unit, integration (real borg, real servers on 127.0.0.1) and browser tests (Debian's chromium).
import { join } from 'node:path';
import { ensureNodeVersion, ensureNpmPackages, ensureSystemPackages, howToInstall, log, nx, root, run } from './ensure.mjs';

ensureNodeVersion();
ensureNpmPackages();
const missing = ensureSystemPackages({
  borg: 'borgbackup',
  rclone: 'rclone',
  apprise: 'apprise',
  '/usr/sbin/sshd': 'openssh-server',
  ssh: 'openssh-client',
  chromium: 'chromium',
  fusermount3: 'fuse3',
  socat: 'socat',
});
if (missing.length > 0) {
  log(`The tests need these system packages, which are missing:\n  ${howToInstall(missing)}`);
  process.exit(1);
}

const started = Date.now();
log('Formatting (Prettier)…');
run(join(root, 'node_modules', '.bin', 'prettier'), ['--check', '.', '--log-level', 'warn']);
const steps = [
  ['Lint (including module boundaries)', ['run-many', '-t', 'lint']],
  ['Unit tests', ['run-many', '-t', 'test']],
  ['Integration tests (real borg)', ['run', 'api:integration']],
  ['Builds for the browser tests', ['run-many', '-t', 'build', '-p', 'api', 'web']],
];
for (const [title, args] of steps) {
  log(`${title}…`);
  nx([...args, '--output-style=stream']);
}
log('Browser tests (chromium; one shard per two cores, side by side)…');
run(process.execPath, [join(root, 'tools', 'browser-tests.mjs')]);
log(`All tests passed in ${Math.round((Date.now() - started) / 1000)} s.`);
