import { spawn } from 'node:child_process';
import { ENV_ALLOWLIST } from './borg-env';
import { sshCommand } from './borg-rsh';
import { LineSplitter } from '@borgitory/process-group';
import type { BorgConnection } from './types';

const MAX_LINES = 50;

export interface SshDestination {
  destination: string;
  port?: number;
}

/** `ssh://user@host:port/path` → user@host and port; `user@host:path` → user@host. null for local paths. */
export function sshDestination(location: string): SshDestination | null {
  if (location.startsWith('ssh://')) {
    if (!URL.canParse(location)) return null;
    const url = new URL(location);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const destination = url.username ? `${decodeURIComponent(url.username)}@${host}` : host;
    return url.port ? { destination, port: Number(url.port) } : { destination };
  }
  const scp = /^((?:[^@/:]+@)?(?:[^:/@[\]]+|\[[0-9A-Fa-f:.]+\])):./.exec(location);
  return scp ? { destination: scp[1].replace(/\[|\]/g, '') } : null;
}

/**
 * Connects with the same ssh options borg uses and returns what ssh wrote on
 * stderr. borg sometimes reports only "connection closed" because it exits
 * before relaying ssh's reason; this asks ssh directly. The remote command
 * gets an empty stdin, so a forced `borg serve` exits at once.
 */
export function probeSsh(
  connection: BorgConnection,
  options: { timeoutMs?: number; baseEnv?: NodeJS.ProcessEnv } = {},
): Promise<string[]> {
  const target = sshDestination(connection.location);
  if (!target) return Promise.resolve([]);
  const [bin, ...args] = sshCommand(connection.ssh);
  if (target.port) args.push('-p', String(target.port));
  args.push('--', target.destination, 'true');

  const base = options.baseEnv ?? process.env;
  const env = Object.fromEntries(ENV_ALLOWLIST.filter((name) => base[name] !== undefined).map((name) => [name, base[name] as string]));
  return new Promise((resolve) => {
    const lines: string[] = [];
    const splitter = new LineSplitter();
    const keep = (completed: string[]) => {
      for (const line of completed) if (line.trim() && lines.length < MAX_LINES) lines.push(line.trim());
    };
    const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    timer.unref();
    child.stderr.on('data', (chunk: Buffer) => keep(splitter.push(chunk)));
    child.on('error', (error) => lines.push(error.message));
    child.on('close', () => {
      clearTimeout(timer);
      keep(splitter.end());
      resolve(lines);
    });
  });
}
