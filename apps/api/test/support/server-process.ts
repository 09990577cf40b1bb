import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const SERVER = join(__dirname, '..', '..', '..', '..', 'dist', 'apps', 'api', 'main.js');

export interface ServerProcessOptions {
  logLevel?: string;
  /** Receives everything the server writes to stdout and stderr; without it stdout is dropped and stderr shown. */
  onOutput?: (text: string) => void;
  /** The server's working directory (default: the test's). */
  cwd?: string;
  /** Added to (or replacing) the server's environment: PATH, BORG_BIN, RCLONE_BIN… */
  env?: Record<string, string>;
}

/** The built server started on a data directory and port, with only the environment it needs; it may still be booting. */
export function spawnServer(dataDir: string, port: number, options: ServerProcessOptions = {}): ChildProcess {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npx nx build api\` first`);
  const { onOutput } = options;
  const server = spawn(process.execPath, [SERVER], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: '127.0.0.1',
      BORGITORY_DATA_DIR: dataDir,
      BORGITORY_WEB_DIR: 'none',
      LOG_LEVEL: options.logLevel ?? 'warn',
      ...options.env,
    },
    cwd: options.cwd,
    stdio: ['ignore', onOutput ? 'pipe' : 'ignore', onOutput ? 'pipe' : 'inherit'],
  });
  if (onOutput) for (const stream of [server.stdout, server.stderr]) stream?.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
  return server;
}

/** The real server as its own process (built by `nx build api`, which the integration target depends on), once healthy. */
export async function startServerProcess(dataDir: string, port: number, options: ServerProcessOptions = {}): Promise<ChildProcess> {
  const server = spawnServer(dataDir, port, options);
  for (let attempt = 0; attempt < 200; attempt++) {
    const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill('SIGKILL');
  throw new Error('the server did not start');
}

export function exited(server: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    server.exitCode !== null || server.signalCode !== null ? resolve() : server.once('exit', () => resolve()),
  );
}
