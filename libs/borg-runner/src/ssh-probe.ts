import { spawn } from 'node:child_process';
import { ENV_ALLOWLIST } from './borg-env';
import { refusedLocationError } from './borg-error';
import { sshCommand } from './borg-rsh';
import { locationProblem, parseBorgLocation } from './location';
import { LineSplitter } from '@borgitory/process-group';
import type { BorgConnection } from './types';

const MAX_LINES = 50;

export interface SshDestination {
  destination: string;
  port?: number;
}

/** The user@host and port borg would give ssh for a location (an IPv6 address without brackets); null for local paths. */
export function sshDestination(location: string): SshDestination | null {
  const parsed = parseBorgLocation(location);
  if (!parsed?.remote) return null;
  const host = parsed.host.replace(/^\[(.*)\]$/, '$1');
  const destination = parsed.user === null ? host : `${parsed.user}@${host}`;
  return parsed.port === null ? { destination } : { destination, port: parsed.port };
}

/**
 * Connects with the same ssh options borg uses and returns what ssh wrote on
 * stderr. borg sometimes reports only "connection closed" because it exits
 * before relaying ssh's reason; this asks ssh directly. The remote command
 * gets an empty stdin, so a forced `borg serve` exits at once. A location whose user, host or port is refused
 * (locationProblem) rejects with a BorgError of kind 'refused' and starts nothing.
 */
export function probeSsh(connection: BorgConnection, options: { timeoutMs?: number; baseEnv?: NodeJS.ProcessEnv } = {}): Promise<string[]> {
  const target = sshDestination(connection.location);
  if (!target) return Promise.resolve([]);
  const [bin, ...args] = sshCommand(connection.ssh);
  const problem = locationProblem(connection.location);
  if (problem) return Promise.reject(refusedLocationError('ssh', problem, [...args, target.destination]));
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
