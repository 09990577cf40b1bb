import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { passphraseLine, remoteBorgScript, parseRemotePid } from '../pull-mode/remote-borg-script';

export interface HostRun {
  child: ChildProcess;
  /** The script's pid, from its marker line. */
  pid: Promise<number>;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>;
}

/**
 * Runs the host's script locally as ssh would (its own session, so it leads its process group), with the bridge's
 * socket in place of the forwarded one. `baseDir` is the host's BORG_BASE_DIR (its cache, security and key files).
 */
export function runOnHost(options: {
  socketPath: string;
  repositoryPath: string;
  borgArgs: string[];
  passphrase: string | null;
  baseDir: string;
  path?: string;
  cwd?: string;
}): HostRun {
  mkdirSync(options.baseDir, { recursive: true });
  const script = remoteBorgScript(options);
  const child = spawn('sh', ['-c', script], {
    detached: true,
    cwd: options.cwd,
    env: { PATH: options.path ?? process.env['PATH'] ?? '', HOME: options.baseDir, BORG_BASE_DIR: options.baseDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  let resolvePid: (pid: number) => void = () => undefined;
  const pid = new Promise<number>((resolve) => (resolvePid = resolve));
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    const found = parseRemotePid(stderr.split('\n')[0] ?? '');
    if (found && stderr.includes('\n')) resolvePid(found);
  });
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stdin?.on('error', () => undefined);
  child.stdin?.end(passphraseLine(options.passphrase));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, stderr, stdout })),
  );
  return { child, pid, done };
}

/** The pids whose command line mentions text (borg serve of a repository, a host's borg or socat). */
export function processesMentioning(text: string): number[] {
  const found: number[] = [];
  for (const entry of readProcEntries()) {
    const cmdline = readCmdline(entry);
    if (cmdline !== null && entry !== String(process.pid) && cmdline.includes(text)) found.push(Number(entry));
  }
  return found;
}

/** Every live process's argv, joined by spaces. */
export function allCommandLines(): string[] {
  return readProcEntries()
    .map(readCmdline)
    .filter((line): line is string => line !== null);
}

function readProcEntries(): string[] {
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
}

function readCmdline(pid: string): string | null {
  try {
    const stat = readFileSync(join('/proc', pid, 'stat'), 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return null;
    return readFileSync(join('/proc', pid, 'cmdline'), 'utf8')
      .split('\0')
      .join(' ');
  } catch {
    return null;
  }
}
