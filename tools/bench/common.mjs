// Shared pieces of `npm run bench` (run.mjs, browse.mjs): logging, /proc readings, the API server under test.
// Plain Node ESM, built-ins only.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
export const PASSWORD = 'bench password 123';

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

export class BenchFailure extends Error {}

/** Children to stop if the bench is interrupted. */
export const liveChildren = new Set();

export function track(child) {
  liveChildren.add(child);
  child.on('exit', () => liveChildren.delete(child));
  return child;
}

export function fail(message) {
  throw new BenchFailure(message);
}

export function log(message) {
  process.stdout.write(`[bench] ${message}\n`);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const now = () => performance.now();
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
export const mib = (kib) => (kib === null || kib === undefined ? 'n/a' : `${(kib / 1024).toFixed(1)} MiB`);
export const signedMib = (kib) => `${kib >= 0 ? '+' : '−'}${(Math.abs(kib) / 1024).toFixed(1)} MiB`;
export const count = (n) => n.toLocaleString('en-US');

export function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Runs a command to completion; fails the bench on a non-zero exit. */
export function runChecked(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) fail(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/**
 * VmRSS / VmHWM / RssAnon (KiB) of a live process, or null once it is gone (or a zombie, which has no Vm* lines).
 * RssAnon is the heap and stacks only: VmRSS also counts mapped files (node's own code), which the kernel may
 * drop and fault in again, so VmRSS can move without the process allocating anything.
 */
export function procMemory(pid) {
  let status;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const field = (name) => {
    const match = status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'));
    return match ? Number(match[1]) : null;
  };
  const rss = field('VmRSS');
  const hwm = field('VmHWM');
  return rss === null && hwm === null ? null : { rss, hwm, anon: field('RssAnon') };
}

export const loadAverage = () => os.loadavg().map((load) => load.toFixed(2)).join(' ');

export function borgVersion() {
  const result = spawnSync('borg', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'borg (unknown version)';
}

// ---------------------------------------------------------------------------------------------------------------
// Data set: N files of 100–300 distinct bytes, at most FILES_PER_DIRECTORY per directory

/** A small deterministic PRNG (mulberry32), so that every run backs up the same bytes. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * `node [nodeArgs] dist/apps/api/main.js` with a fresh data directory (<work>/<dataName>) and only the variables
 * it needs.
 */
export class Server {
  constructor(work, port, { dataName = 'data', nodeArgs = [] } = {}) {
    this.port = port;
    this.base = `http://127.0.0.1:${port}`;
    this.output = [];
    this.exited = null;
    this.child = track(spawn(process.execPath, [...nodeArgs, join(root, 'dist', 'apps', 'api', 'main.js')], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? os.homedir(),
        PORT: String(port),
        HOST: '127.0.0.1',
        BORGITORY_DATA_DIR: join(work, dataName),
        BORGITORY_WEB_DIR: 'none',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }));
    const keep = (chunk) => {
      this.output.push(chunk.toString('utf8'));
      if (this.output.length > 200) this.output.shift();
    };
    this.child.stdout.on('data', keep);
    this.child.stderr.on('data', keep);
    this.exit = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve((this.exited = code ?? signal))));
  }

  get pid() {
    return this.child.pid;
  }

  tail() {
    return this.output.join('').split('\n').slice(-30).join('\n');
  }

  async waitHealthy(timeoutMs = 60_000) {
    const deadline = now() + timeoutMs;
    let last = 'no answer';
    while (now() < deadline) {
      if (this.exited !== null) fail(`the server exited (${this.exited}) before it was healthy:\n${this.tail()}`);
      try {
        const response = await fetch(`${this.base}/api/health`);
        if (response.status === 200) return;
        last = `HTTP ${response.status}: ${await response.text()}`;
      } catch (error) {
        last = error.cause?.code ?? error.message;
      }
      await sleep(200);
    }
    fail(`GET /api/health did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
  }

  /** First-run setup (POST /api/auth/setup); returns the session cookie. */
  async setup() {
    const setup = await this.request('POST', '/api/auth/setup', {
      body: { username: 'bench', password: PASSWORD },
      expected: 201,
    });
    const cookie = setup.response.headers
      .getSetCookie()
      .map((header) => header.split(';')[0])
      .join('; ');
    if (!cookie) fail('POST /api/auth/setup set no session cookie');
    return cookie;
  }

  /** One JSON request; returns the envelope's data and fails unless the status is `expected`. */
  async request(method, path, { body, cookie, expected = 200 } = {}) {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== expected) fail(`${method} ${path}: expected ${expected}, got ${response.status}: ${text}`);
    const json = text ? JSON.parse(text) : null;
    return { data: json?.data, response };
  }

  async stop(timeoutMs = 20_000) {
    if (this.exited !== null) return this.exited;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => {
      log(`the server did not stop within ${timeoutMs / 1000} s of SIGTERM; sending SIGKILL`);
      this.child.kill('SIGKILL');
    }, timeoutMs);
    const result = await this.exit;
    clearTimeout(timer);
    return result;
  }
}

export function table(rows) {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
}
