// Installs what a fresh clone is missing. Node built-ins only: this runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..');

export function log(message) {
  process.stdout.write(`\n[borgitory] ${message}\n`);
}

/** Runs a command with inherited output; exits the process with its code when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    log(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

export function ensureNodeVersion() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    log(`Node ${process.versions.node} is too old: Borgitory needs Node 20.19 or newer.`);
    process.exit(1);
  }
}

/** `npm ci` when node_modules is missing or was installed from another package-lock.json. */
export function ensureNpmPackages() {
  const lock = join(root, 'package-lock.json');
  const marker = join(root, 'node_modules', '.borgitory-lock-hash');
  const wanted = createHash('sha256').update(readFileSync(lock)).digest('hex');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return;
  log('Installing npm packages (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(marker, wanted);
}

function onPath(binary) {
  return spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Installs missing system tools with apt-get when running as root on Debian/Ubuntu.
 * `tools` maps a binary (or absolute path) to its Debian package. Returns the packages still missing.
 */
export function ensureSystemPackages(tools) {
  const missing = Object.entries(tools)
    .filter(([binary]) => (binary.startsWith('/') ? !existsSync(binary) : !onPath(binary)))
    .map(([, pkg]) => pkg);
  const packages = [...new Set(missing)];
  if (packages.length === 0) return [];
  const canApt = process.getuid?.() === 0 && onPath('apt-get');
  if (!canApt) return packages;
  log(`Installing system packages: ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
  return [];
}

export function howToInstall(packages) {
  return `sudo apt-get install ${packages.join(' ')}   (Debian/Ubuntu; other systems: install ${packages.join(', ')} with your package manager)`;
}

/** Nx without its daemon, cloud or interactive UI: plain logs, same in a terminal and in CI. */
export const nxEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

export function nx(args) {
  run(join(root, 'node_modules', '.bin', 'nx'), args, { env: nxEnv });
}
