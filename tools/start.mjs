// `npm start`: install what is missing, build, then serve the API and the SPA (migrations run at start-up).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureNodeVersion, ensureNpmPackages, ensureSystemPackages, howToInstall, log, nx, root } from './ensure.mjs';

ensureNodeVersion();
ensureNpmPackages();
const missing = ensureSystemPackages({ borg: 'borgbackup', rclone: 'rclone', apprise: 'apprise' });
if (missing.length > 0) {
  log(`Missing, so backups (borg), cloud sync (rclone) or notifications (apprise) cannot run until installed:\n  ${howToInstall(missing)}`);
}

log('Building the API and the web app…');
nx(['run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static']);

log('Starting Borgitory…');
const server = spawn(process.execPath, [join(root, 'dist', 'apps', 'api', 'main.js')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
