// Shared pieces of `npm run bench` (run.mjs and the parts): logging, /proc readings, the backup data set, the API
// server under test, timed GETs and its event streams. Plain Node ESM, built-ins only.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
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

let clockTicks = null;

/**
 * CPU seconds (user + system) from /proc/<pid>/stat: the process's own, and its children's that it has waited for
 * (cutime + cstime, which count a child only once it has ended); null once the process is gone.
 */
export function procCpu(pid = 'self') {
  let stat;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  // After "pid (comm) ": field 3 (state) is index 0, so utime (field 14) is index 11.
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return { own: (fields[11] + fields[12]) / clockTicks, children: (fields[13] + fields[14]) / clockTicks };
}

/** The pids of a live process's children (all its threads'), or [] once it is gone. */
export function childPids(pid) {
  let tasks;
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const children = [];
  for (const task of tasks) {
    try {
      children.push(...readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
    } catch {
      // the thread ended meanwhile
    }
  }
  return children;
}

/**
 * Polls a process's children every intervalMs; stop() gives each child seen: its command line and when it was
 * first and last seen (performance.now()), so within intervalMs of its start and end.
 */
export function watchChildren(pid, intervalMs = 10) {
  const seen = new Map();
  const commandOf = (child) => {
    try {
      return readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      return ''; // ended meanwhile
    }
  };
  const poll = () => {
    const at = now();
    for (const child of childPids(pid)) {
      const known = seen.get(child);
      // Read again each time: a child seen between fork and exec still has its parent's command line.
      const command = commandOf(child);
      if (known) Object.assign(known, { last: at }, command ? { command } : {});
      else seen.set(child, { command, first: at, last: at });
    }
  };
  poll();
  const timer = setInterval(poll, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      poll();
      return [...seen.values()];
    },
  };
}

export const loadAverage = () =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

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

export const FILES_PER_DIRECTORY = 1000;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:-_\n';

export function generate(source, files) {
  const random = prng(0x5eed);
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const directory = join(source, `d${String(Math.floor(i / FILES_PER_DIRECTORY)).padStart(4, '0')}`);
    if (i % FILES_PER_DIRECTORY === 0) mkdirSync(directory, { recursive: true });
    const length = 100 + Math.floor(random() * 201); // 100..300
    let text = `bench file ${i}\n`; // the index makes every content distinct
    while (text.length < length) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
    writeFileSync(join(directory, `f${String(i).padStart(7, '0')}.txt`), text);
    bytes += text.length; // ASCII only: characters are bytes
    if ((i + 1) % 50_000 === 0 && i + 1 < files) log(`  … ${count(i + 1)} files`);
  }
  return bytes;
}

/**
 * Reads every file of the data set, so that each timed backup starts with it in the page cache. borg drops what
 * it has read from the cache (posix_fadvise DONTNEED), so without this the second backup would read from disk
 * and the first would not: the comparison would measure the disk, not the API.
 */
export function warmCache(source) {
  const started = now();
  for (const directory of readdirSync(source)) {
    for (const file of readdirSync(join(source, directory))) readFileSync(join(source, directory, file));
  }
  return now() - started;
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
 * it needs (LOG_LEVEL=warn unless `logLevel` says otherwise). Its output is kept in memory, or written to `logFile`
 * (a file never makes the server wait for the bench to read a pipe).
 */
export class Server {
  /** `webDir`: the built SPA to serve (BORGITORY_WEB_DIR); by default none. `env`: more of the server's environment. */
  constructor(work, port, { dataName = 'data', nodeArgs = [], logLevel = 'warn', logFile = null, webDir = 'none', env = {} } = {}) {
    this.port = port;
    this.base = `http://127.0.0.1:${port}`;
    this.output = [];
    this.logFile = logFile;
    this.exited = null;
    const logFd = logFile ? openSync(logFile, 'a') : null;
    this.child = track(
      spawn(process.execPath, [...nodeArgs, join(root, 'dist', 'apps', 'api', 'main.js')], {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: process.env.HOME ?? os.homedir(),
          PORT: String(port),
          HOST: '127.0.0.1',
          BORGITORY_DATA_DIR: join(work, dataName),
          BORGITORY_WEB_DIR: webDir,
          LOG_LEVEL: logLevel,
          ...env,
        },
        stdio: logFd === null ? ['ignore', 'pipe', 'pipe'] : ['ignore', logFd, logFd],
      }),
    );
    if (logFd === null) {
      const keep = (chunk) => {
        this.output.push(chunk.toString('utf8'));
        if (this.output.length > 200) this.output.shift();
      };
      this.child.stdout.on('data', keep);
      this.child.stderr.on('data', keep);
    } else closeSync(logFd);
    this.exit = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve((this.exited = code ?? signal))));
  }

  get pid() {
    return this.child.pid;
  }

  tail() {
    const output = this.logFile ? readFileSync(this.logFile, 'utf8') : this.output.join('');
    return output.split('\n').slice(-30).join('\n');
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
    const cookie = (setup.response.headers['set-cookie'] ?? []).map((header) => header.split(';')[0]).join('; ');
    if (!cookie) fail('POST /api/auth/setup set no session cookie');
    return cookie;
  }

  /**
   * One JSON request on a connection of its own (node:http, no keep-alive: while autocannon keeps the machine busy,
   * a pooled socket may be one the server has just closed as idle). Returns the envelope's data, the whole body and
   * the response (status, headers); fails unless the status is `expected`.
   */
  async request(method, path, { body, cookie, expected = 200 } = {}) {
    const payload = body === undefined ? null : JSON.stringify(body);
    const { status, headers, text } = await new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          agent: false,
          headers: {
            accept: 'application/json',
            ...(payload === null ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
            ...(cookie ? { cookie } : {}),
          },
        },
        (response) => {
          let received = '';
          response.setEncoding('utf8');
          response.on('data', (chunk) => (received += chunk));
          response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, text: received }));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload ?? undefined);
    });
    if (status !== expected) fail(`${method} ${path}: expected ${expected}, got ${status}: ${text}`);
    const json = text ? JSON.parse(text) : null;
    return { data: json?.data, json, response: { status, headers } };
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

/** CLOCK_MONOTONIC in µs: the clock of V8's CPU profiles, so that a measured window can cut the server's. */
export const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

/**
 * `rounds` GETs of a path over one kept-alive connection, after `warmUp` untimed ones; `before` runs before each call,
 * untimed. Returns p50 / p95 / max in ms, and the size and text of the last answer.
 */
export async function timeGets(server, path, headers, { rounds, warmUp, before = null }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let last = Buffer.alloc(0);
  const get = () =>
    new Promise((resolve, reject) => {
      const started = now();
      const request = http.get({ host: '127.0.0.1', port: server.port, path, agent, headers }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          last = Buffer.concat(chunks);
          return response.statusCode === 200
            ? resolve(now() - started)
            : reject(new Error(`GET ${path}: HTTP ${response.statusCode}: ${last}`));
        });
      });
      request.on('error', reject);
    });
  const times = [];
  for (let round = -warmUp; round < rounds; round++) {
    before?.();
    const ms = await get();
    if (round >= 0) times.push(ms);
  }
  agent.destroy();
  times.sort((a, b) => a - b);
  const at = (fraction) => times[Math.min(times.length - 1, Math.floor(times.length * fraction))];
  return { p50: at(0.5), p95: at(0.95), max: times.at(-1), bytes: last.length, text: last.toString('utf8') };
}

/**
 * timeGets with the server's CPU time per call (its own, from /proc: what the machine's load does not inflate) and
 * the measured window on the profile's clock.
 */
export async function timeWithCpu(server, path, headers, { rounds, warmUp, before = null }) {
  const cpuBefore = procCpu(server.pid).own;
  const from = monotonicMicros();
  const times = await timeGets(server, path, headers, { rounds, warmUp, before });
  const window = { from, to: monotonicMicros() };
  const cpuMs = ((procCpu(server.pid).own - cpuBefore) * 1000) / (rounds + warmUp);
  return { ...times, cpuMs, window };
}

export function table(rows) {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Server-Sent Events

/**
 * Follows an event stream (`/api/jobs/{id}/stream`, `/api/jobs/stream`) with node:http on its own socket, reading
 * everything it sends; counts events by type and bytes, and keeps the last progress.
 */
export function followStream(server, path, cookie) {
  const counts = {};
  let bytes = 0;
  let lastProgress = null;
  let buffer = '';
  let done = false;
  let doneAt = null;
  let resolveDone;
  const doneReceived = new Promise((resolve) => (resolveDone = resolve));
  let resolveEnded;
  const ended = new Promise((resolve) => (resolveEnded = resolve));
  const request = http.get(
    {
      host: '127.0.0.1',
      port: server.port,
      path,
      headers: { cookie, accept: 'text/event-stream' },
      agent: false,
    },
    (response) => {
      if (response.statusCode !== 200) {
        log(`${path} answered HTTP ${response.statusCode}; its events will be missing`);
        response.resume();
        return resolveEnded();
      }
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        bytes += Buffer.byteLength(chunk);
        buffer += chunk.replace(/\r\n?/g, '\n');
        let boundary;
        while ((boundary = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const type = block.match(/^event: ?(.*)$/m)?.[1];
          if (!type) continue; // keep-alive comments
          counts[type] = (counts[type] ?? 0) + 1;
          if (type === 'progress') lastProgress = block;
          if (type === 'done' && !done) {
            done = true;
            doneAt = now();
            resolveDone();
          }
        }
      });
      response.on('end', resolveEnded);
      response.on('close', resolveEnded);
    },
  );
  request.on('error', (error) => {
    if (!done) log(`${path} failed: ${error.message}`);
    resolveEnded();
  });
  return {
    counts,
    get bytes() {
      return bytes;
    },
    get done() {
      return done;
    },
    /** performance.now() when the `done` event arrived, or null. */
    get doneAt() {
      return doneAt;
    },
    /** Resolves when the `done` event arrives (never, if it does not). */
    doneReceived,
    /** The data of the last `progress` event, or null. */
    get progress() {
      const data = lastProgress?.match(/^data: ?(.*)$/m)?.[1];
      return data ? JSON.parse(data) : null;
    },
    /** Waits briefly for the server to end the stream after `done`, then closes it from this side. */
    async close(waitMs = 2000) {
      await Promise.race([ended, sleep(waitMs)]);
      request.destroy();
    },
  };
}
