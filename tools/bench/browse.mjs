// Archive browsing part of `npm run bench`: one archive of 1,000,000 small files, listed by plain `borg list` and
// browsed through the API (first browse = index build; later browses = index queries). Plain Node ESM; it loads the
// server's own index reader from the build (dist/apps/api/archive-index-reader.js) to time its queries without HTTP.
//
// See docs/benchmarks.md ("Archive browsing") for what the figures mean and the last recorded run.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import {
  count,
  fail,
  freePort,
  loadAverage,
  log,
  mib,
  now,
  onPath,
  procMemory,
  prng,
  root,
  seconds,
  Server,
  sleep,
  table,
  track,
} from './common.mjs';

/** Bump when the generated tree or the repository settings change: cached repositories are keyed by it. */
export const BROWSE_VERSION = 'browse-v1';
export const DEFAULT_BROWSE_FILES = 1_000_000;
const ARCHIVE = 'bench-browse';
export const ENCRYPTION = 'repokey';
export const REPO_PASSPHRASE = 'bench repository passphrase';

const ms = (value) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

// ---------------------------------------------------------------------------------------------------------------
// The tree: data/area-NN/project-NN/<leaf>, 10 × 10 × 10 leaf directories, sizes varying from leaf to leaf

const AREAS = 10;
const PROJECTS = 10;
/** Leaf directories of every project: [directory, file stem, extension]. */
const LEAVES = [
  ['src', 'module', 'ts'],
  ['lib', 'util', 'js'],
  ['test', 'case', 'spec.ts'],
  ['docs', 'page', 'md'],
  ['assets', 'image', 'png'],
  ['build', 'object', 'o'],
  ['config', 'settings', 'json'],
  ['scripts', 'task', 'sh'],
  ['vendor', 'package', 'js'],
  ['logs', 'app', 'log'],
];
const ROOT_FILES = ['README.md'];
const AREA_FILES = ['README.md', 'CHANGELOG.md', 'notes.txt'];
const PROJECT_FILES = ['.gitignore', 'LICENSE', 'Makefile', 'README.md', 'package.json'];
/** Names that are not ASCII, in data/area-00/project-00/docs. */
const UNICODE_FILES = ['Überblick.md', 'résumé.pdf', '数据.csv', 'naïve café.txt'];
/** The larger files (MiB), one each in data/area-0k/project-0k/assets. */
const LARGE_FILES_MIB = [1, 2, 4, 8, 16];
/** The biggest directory: data/area-03/project-07/logs, with 3 % of all files. */
const BIGGEST = { area: 3, project: 7, leaf: 9, share: 0.03 };
const FIXED_FILES =
  ROOT_FILES.length + AREAS * AREA_FILES.length + AREAS * PROJECTS * PROJECT_FILES.length + UNICODE_FILES.length + LARGE_FILES_MIB.length;
export const MIN_BROWSE_FILES = FIXED_FILES + 10 * AREAS * PROJECTS * LEAVES.length;

const pad2 = (n) => String(n).padStart(2, '0');

/**
 * The directories in archive (depth-first) order, each with what it holds directly. Deterministic: the same
 * `files` always gives the same tree. Contents, sizes and times are drawn while the tar is written.
 */
export function browseLayout(files) {
  if (!Number.isInteger(files) || files < MIN_BROWSE_FILES) fail(`the browse archive needs at least ${count(MIN_BROWSE_FILES)} files`);
  const random = prng(0xb0b5);
  const leafCount = AREAS * PROJECTS * LEAVES.length;
  const biggestIndex = (BIGGEST.area * PROJECTS + BIGGEST.project) * LEAVES.length + BIGGEST.leaf;
  const biggestFiles = Math.round(files * BIGGEST.share);
  // The other leaves share the rest in proportion to weights between 0.2 and 1.8; the rounding remainder goes to
  // the first leaves, so the total is exact.
  const spread = files - FIXED_FILES - biggestFiles;
  const weights = Array.from({ length: leafCount }, (_, i) => (i === biggestIndex ? 0 : 0.2 + 1.6 * random()));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const leafFiles = weights.map((weight) => Math.floor((spread * weight) / weightSum));
  let remainder = spread - leafFiles.reduce((a, b) => a + b, 0);
  for (let i = 0; remainder > 0; i = (i + 1) % leafCount) {
    if (i === biggestIndex) continue;
    leafFiles[i]++;
    remainder--;
  }
  leafFiles[biggestIndex] = biggestFiles;

  const directories = [];
  const add = (path, depth, extra = {}) => {
    const directory = { path, depth, named: [], generated: null, large: [], symlinks: [], subdirectories: 0, ...extra };
    directories.push(directory);
    return directory;
  };
  const top = add('data', 1, { named: [...ROOT_FILES], subdirectories: AREAS });
  for (let a = 0; a < AREAS; a++) {
    add(`${top.path}/area-${pad2(a)}`, 2, {
      named: [...AREA_FILES],
      symlinks: [{ name: 'latest', target: `project-${pad2(PROJECTS - 1)}` }],
      subdirectories: PROJECTS,
    });
    for (let p = 0; p < PROJECTS; p++) {
      const project = add(`${top.path}/area-${pad2(a)}/project-${pad2(p)}`, 3, {
        named: [...PROJECT_FILES],
        subdirectories: LEAVES.length,
      });
      LEAVES.forEach(([name, stem, ext], l) => {
        const leaf = add(`${project.path}/${name}`, 4, {
          generated: { stem, ext, count: leafFiles[(a * PROJECTS + p) * LEAVES.length + l] },
        });
        if (a === 0 && p === 0 && name === 'docs') leaf.named.push(...UNICODE_FILES);
        if (a === p && a < LARGE_FILES_MIB.length && name === 'assets')
          leaf.large.push({ name: `bundle-${a}.bin`, size: LARGE_FILES_MIB[a] << 20 });
      });
    }
  }
  for (const directory of directories) {
    directory.entries =
      directory.named.length +
      (directory.generated?.count ?? 0) +
      directory.large.length +
      directory.symlinks.length +
      directory.subdirectories;
  }
  const symlinks = directories.reduce((sum, d) => sum + d.symlinks.length, 0);
  const biggest = directories.reduce((a, b) => (b.entries > a.entries ? b : a));
  return { files, directories, symlinks, entries: files + directories.length + symlinks, biggest };
}

// ---------------------------------------------------------------------------------------------------------------
// A ustar stream, written straight into `borg import-tar … -` (no files on disk)

const BLOCK = 512;
const CHUNK = 4 << 20;
const octal = (n, width) => n.toString(8).padStart(width, '0');

/** One 512-byte ustar header at buf[offset…]; the buffer must be zero there. */
function writeHeader(buf, offset, { name, mode, size, mtime, type, linkname = '' }) {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) fail(`tar name longer than 100 bytes: ${name}`);
  nameBytes.copy(buf, offset);
  buf.write(octal(mode, 7), offset + 100, 'latin1');
  buf.write(octal(1000, 7), offset + 108, 'latin1');
  buf.write(octal(1000, 7), offset + 116, 'latin1');
  buf.write(octal(size, 11), offset + 124, 'latin1');
  buf.write(octal(mtime, 11), offset + 136, 'latin1');
  buf.fill(0x20, offset + 148, offset + 156); // the checksum counts its own field as spaces
  buf[offset + 156] = type.charCodeAt(0);
  if (linkname) buf.write(linkname, offset + 157, 'utf8');
  buf.write('ustar\u000000', offset + 257, 'latin1');
  buf.write('bench', offset + 265, 'latin1');
  buf.write('bench', offset + 297, 'latin1');
  buf.write(octal(0, 7), offset + 329, 'latin1');
  buf.write(octal(0, 7), offset + 337, 'latin1');
  let sum = 0;
  for (let i = offset; i < offset + BLOCK; i++) sum += buf[i];
  buf.write(`${octal(sum, 6)}\u0000 `, offset + 148, 'latin1');
}

class TarStream {
  constructor(child) {
    this.stdin = child.stdin;
    this.buf = Buffer.alloc(CHUNK);
    this.pos = 0;
    this.bytes = 0;
    this.error = null;
    this.stdin.on('error', (error) => (this.error = error));
    this.closed = new Promise((resolve) => child.on('close', resolve));
  }

  fits(bytes) {
    return this.pos + bytes <= CHUNK;
  }

  async write(chunk) {
    if (this.error) fail(`writing the tar to borg import-tar failed: ${this.error.message}`);
    this.bytes += chunk.length;
    if (!this.stdin.write(chunk)) {
      const drained = new Promise((resolve) => this.stdin.once('drain', resolve));
      const exited = this.closed.then(() => fail('borg import-tar exited while the tar was being written'));
      await Promise.race([drained, exited]);
    }
  }

  async flush() {
    if (this.pos === 0) return;
    const chunk = this.buf.subarray(0, this.pos);
    this.buf = Buffer.alloc(CHUNK);
    this.pos = 0;
    await this.write(chunk);
  }

  /** Header and content of an entry that fits the current chunk (check with fits first). */
  entry(fields, content = null) {
    writeHeader(this.buf, this.pos, fields);
    this.pos += BLOCK;
    if (content) {
      content.copy(this.buf, this.pos);
      this.pos += Math.ceil(content.length / BLOCK) * BLOCK;
    }
  }

  /** A file too large for a chunk: flushes, then writes it on its own. */
  async largeEntry(fields, content) {
    await this.flush();
    const header = Buffer.alloc(BLOCK);
    writeHeader(header, 0, fields);
    await this.write(header);
    await this.write(content);
    const padding = Math.ceil(content.length / BLOCK) * BLOCK - content.length;
    if (padding) await this.write(Buffer.alloc(padding));
  }

  async end() {
    await this.flush();
    await this.write(Buffer.alloc(2 * BLOCK)); // end of archive
    this.stdin.end();
  }
}

const TEXT = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:-_(){}=\n';
const MTIME_BASE = Date.UTC(2023, 0, 1) / 1000;
const MTIME_SPAN = 3 * 365 * 86400;

/** Writes the whole tree as a tar; returns the file data bytes. */
async function writeTree(tar, layout, seed) {
  const random = prng(seed);
  const textPool = Buffer.alloc(1 << 20);
  for (let i = 0; i < textPool.length; i++) textPool[i] = TEXT.charCodeAt(Math.floor(random() * TEXT.length));
  const binaryPool = Buffer.alloc(1 << 20);
  for (let i = 0; i < binaryPool.length; i++) binaryPool[i] = Math.floor(random() * 256);
  const mtime = () => MTIME_BASE + Math.floor(random() * MTIME_SPAN);
  const started = now();
  let written = 0;
  let dataBytes = 0;

  /** Small files: the path (so that every content differs) then 20–400 text bytes; 1 % get 0.4–4 KiB. */
  const smallFile = async (path) => {
    const length = random() < 0.01 ? 400 + Math.floor(random() * 3697) : 20 + Math.floor(random() * 381);
    const head = Buffer.from(`${path}\n`, 'utf8');
    const offset = Math.floor(random() * (textPool.length - length));
    const content = Buffer.concat([head, textPool.subarray(offset, offset + length)]);
    if (!tar.fits(BLOCK + content.length + BLOCK)) await tar.flush();
    tar.entry({ name: path, mode: 0o644, size: content.length, mtime: mtime(), type: '0' }, content);
    dataBytes += content.length;
    if (++written % 100_000 === 0) {
      log(`  … ${count(written)} files, ${(tar.bytes / 2 ** 20).toFixed(0)} MiB of tar, ${seconds(now() - started)}`);
    }
  };

  for (const directory of layout.directories) {
    if (!tar.fits(BLOCK)) await tar.flush();
    tar.entry({ name: `${directory.path}/`, mode: 0o755, size: 0, mtime: mtime(), type: '5' });
    for (const name of directory.named) await smallFile(`${directory.path}/${name}`);
    for (const link of directory.symlinks) {
      if (!tar.fits(BLOCK)) await tar.flush();
      tar.entry({ name: `${directory.path}/${link.name}`, mode: 0o777, size: 0, mtime: mtime(), type: '2', linkname: link.target });
    }
    for (const large of directory.large) {
      const content = Buffer.alloc(large.size);
      const shift = Math.floor(random() * binaryPool.length);
      for (let at = 0; at < content.length; at += binaryPool.length) {
        binaryPool.copy(content, at, 0, Math.min(binaryPool.length, content.length - at));
        content[at] ^= shift & 0xff;
      }
      await tar.largeEntry(
        { name: `${directory.path}/${large.name}`, mode: 0o644, size: content.length, mtime: mtime(), type: '0' },
        content,
      );
      dataBytes += content.length;
      written++;
    }
    const generated = directory.generated;
    if (generated) {
      const width = Math.max(6, String(generated.count).length);
      for (let i = 0; i < generated.count; i++) {
        await smallFile(`${directory.path}/${generated.stem}-${String(i).padStart(width, '0')}.${generated.ext}`);
      }
    }
  }
  await tar.end();
  if (written !== layout.files) fail(`wrote ${written} files, expected ${layout.files}`);
  return dataBytes;
}

/**
 * Writes the tree of `layout` as a tar stream into `borg import-tar … <location> -` (no files on disk); `seed` draws
 * other contents, sizes and times for the same paths; `borgArgs` go before the location (e.g. `--timestamp`).
 */
export async function importTree(location, layout, env, { seed = 0x7a7, borgArgs = [] } = {}) {
  const started = now();
  const child = track(
    spawn('borg', ['import-tar', '--compression', 'lz4', ...borgArgs, location, '-'], { env, stdio: ['pipe', 'inherit', 'pipe'] }),
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exit = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? signal));
  });
  const tar = new TarStream(child);
  const dataBytes = await writeTree(tar, layout, seed);
  const code = await exit;
  if (code !== 0) fail(`borg import-tar failed (exit ${code}): ${stderr.trim()}`);
  return { dataBytes, tarBytes: tar.bytes, importMs: now() - started };
}

// ---------------------------------------------------------------------------------------------------------------
// The repository: generated once, cached between runs

export function repoEnv(baseDir, extra = {}) {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? os.homedir(),
    BORG_BASE_DIR: baseDir,
    BORG_PASSPHRASE: REPO_PASSPHRASE,
    BORG_RELOCATED_REPO_ACCESS_IS_OK: 'yes',
    ...extra,
  };
}

export function directoryBytes(dir) {
  let total = 0;
  const files = [];
  if (!existsSync(dir)) return { total, files };
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) {
      const inner = directoryBytes(path);
      total += inner.total;
      files.push(...inner.files);
    } else {
      total += stat.size;
      files.push({ path, bytes: stat.size });
    }
  }
  return { total, files };
}

/** Reads every file of the repository, so that each timed listing starts with it in the page cache. */
function warmRepository(repo) {
  const started = now();
  const { files } = directoryBytes(repo);
  for (const file of files) readFileSync(file.path);
  return now() - started;
}

/** The cached repository for this version and size, or a new one (generated into a tar stream, borg import-tar). */
async function ensureRepository(options, layout) {
  const dir = join(options.cacheDir, `${BROWSE_VERSION}-${layout.files}`);
  const repo = join(dir, 'repo');
  const marker = join(dir, 'ready.json');
  if (!options.freshRepo && existsSync(marker) && existsSync(join(repo, 'config'))) {
    const ready = JSON.parse(readFileSync(marker, 'utf8'));
    if (ready.version === BROWSE_VERSION && ready.files === layout.files && ready.entries === layout.entries) {
      log(`Using the cached repository ${repo} (generated ${ready.generatedAt} in ${seconds(ready.importMs)})`);
      return { repo, cached: true, ...ready };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const baseDir = join(dir, 'borg-base-import');
  const env = repoEnv(baseDir);
  const init = spawnSync('borg', ['init', `--encryption=${ENCRYPTION}`, repo], { env, encoding: 'utf8' });
  if (init.status !== 0) fail(`borg init failed (exit ${init.status ?? init.signal}): ${init.stderr}`);

  log(`Writing ${count(layout.files)} files as a tar stream into borg import-tar…`);
  const { dataBytes, tarBytes, importMs } = await importTree(`${repo}::${ARCHIVE}`, layout, env);
  rmSync(baseDir, { recursive: true, force: true }); // borg's chunk cache; nothing else reads it
  const ready = {
    version: BROWSE_VERSION,
    files: layout.files,
    entries: layout.entries,
    archive: ARCHIVE,
    encryption: ENCRYPTION,
    tarBytes,
    dataBytes,
    repoBytes: directoryBytes(repo).total,
    importMs,
    generatedAt: new Date().toISOString(),
  };
  writeFileSync(marker, `${JSON.stringify(ready, null, 2)}\n`);
  log(`Generated the repository in ${seconds(importMs)} (${(tarBytes / 2 ** 20).toFixed(0)} MiB of tar)`);
  return { repo, cached: false, ...ready };
}

// ---------------------------------------------------------------------------------------------------------------
// /proc readings

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** CPU times (ms) of a process from /proc/<pid>/stat: its own, and that of its reaped children. */
function procCpu(pid) {
  let stat;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
  const tick = (i) => (Number(fields[i - 3]) * 1000) / CLOCK_TICKS;
  return { self: tick(14) + tick(15), children: tick(16) + tick(17), ppid: Number(fields[1]) };
}

/** Live children of `pid` whose command line contains `needle`. */
function childrenOf(pid, needle) {
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const cpu = procCpu(name);
    if (cpu?.ppid !== pid) continue;
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue;
    }
    if (cmdline.includes(needle)) found.push({ pid: Number(name), cmdline });
  }
  return found;
}

/** /proc/<pid>/schedstat of the main thread: time on a CPU and time waiting for one (ms). */
function schedStat(pid) {
  try {
    const [onCpu, waiting] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
    return { onCpuMs: onCpu / 1e6, waitingMs: waiting / 1e6 };
  } catch {
    return null;
  }
}

/**
 * Follows one borg process every 50 ms once `find` returns its pid: when it was seen, its CPU time, how long it
 * waited for a CPU (run queue) and its peak RSS. The rest of its life it was blocked: on reads, or on writing
 * its output into a full pipe. Readings are the last ones before it exited, so up to 50 ms short.
 */
class ProcessWatch {
  constructor(find) {
    this.find = find;
    this.started = now();
    this.pid = null;
    this.cmdline = null;
    this.firstSeenMs = null;
    this.lastSeenMs = null;
    this.cpuMs = null;
    this.onCpuMs = null;
    this.waitingMs = null;
    this.hwmKib = null;
    this.timer = setInterval(() => this.sample(), 50);
  }

  sample() {
    if (this.pid === null) {
      const found = this.find();
      if (!found) return;
      Object.assign(this, { pid: found.pid, cmdline: found.cmdline, firstSeenMs: now() - this.started });
    }
    const cpu = procCpu(this.pid);
    const sched = schedStat(this.pid);
    const memory = procMemory(this.pid);
    if (!cpu || !sched || !memory) return; // gone (or a zombie)
    Object.assign(this, { lastSeenMs: now() - this.started, cpuMs: cpu.self, ...sched, hwmKib: memory.hwm });
  }

  stop() {
    clearInterval(this.timer);
    return this;
  }

  /** Seen-for time split into CPU, waiting for a CPU, and blocked. */
  get summary() {
    if (this.pid === null) return 'not seen';
    const seenMs = this.lastSeenMs - this.firstSeenMs;
    const blockedMs = Math.max(0, seenMs - this.onCpuMs - this.waitingMs);
    return (
      `ran ${seconds(seenMs)}: on a CPU ${seconds(this.onCpuMs)}, waiting for a CPU ${seconds(this.waitingMs)}, ` +
      `blocked ${seconds(blockedMs)}; peak RSS ${mib(this.hwmKib)}`
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Plain borg list

/** The `--format` the server's borg runs with, read from the borg-runner source so that it stays the same. */
function serverEntryFormat() {
  const source = readFileSync(join(root, 'libs', 'borg-runner', 'src', 'archive-entries.ts'), 'utf8');
  const match = source.match(/export const ENTRY_FORMAT = '([^']+)'/);
  if (!match) fail('cannot find ENTRY_FORMAT in libs/borg-runner/src/archive-entries.ts');
  return match[1];
}

/** Runs borg with stdout to /dev/null: wall time, and peak RSS and CPU from GNU time -v (or /proc polling). */
async function timedBorg(args, env) {
  const useTime = onPath('/usr/bin/time');
  const [command, argv] = useTime ? ['/usr/bin/time', ['-v', 'borg', ...args]] : ['borg', args];
  const devNull = openSync('/dev/null', 'w');
  const started = now();
  const child = track(spawn(command, argv, { env, stdio: ['ignore', devNull, 'pipe'] }));
  closeSync(devNull);
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const watch = new ProcessWatch(() => (useTime ? childrenOf(child.pid, ' list ')[0] : { pid: child.pid, cmdline: '' }));
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode, signal) => resolve(exitCode ?? signal));
  });
  const wallMs = now() - started;
  watch.stop();
  if (code !== 0) fail(`borg ${args.join(' ')} failed (exit ${code}): ${stderr.trim()}`);
  if (!useTime) return { wallMs, peakKib: watch.hwmKib, cpuMs: watch.cpuMs, method: '/proc polling every 50 ms', watch };
  const number = (label) => Number(stderr.match(new RegExp(`${label}: ([\\d.]+)`))?.[1] ?? NaN);
  return {
    wallMs,
    peakKib: number('Maximum resident set size \\(kbytes\\)'),
    cpuMs: (number('User time \\(seconds\\)') + number('System time \\(seconds\\)')) * 1000,
    method: '/usr/bin/time -v',
    watch,
  };
}

async function plainListings(work, repo, runs) {
  const env = repoEnv(join(work, 'borg-base-list'));
  const location = `${repo}::${ARCHIVE}`;
  const results = { jsonLines: [], serverFormat: null };
  for (let i = 0; i < runs; i++) {
    const warmMs = warmRepository(repo);
    const result = await timedBorg(['list', '--json-lines', location], env);
    results.jsonLines.push({ ...result, warmMs });
    log(`  borg list --json-lines: ${seconds(result.wallMs)} wall, ${seconds(result.cpuMs)} CPU, peak RSS ${mib(result.peakKib)}`);
  }
  // What the server's borg does (same options and environment, stdout to /dev/null): tells borg's share apart.
  warmRepository(repo);
  const serverArgs = ['--log-json', '--bypass-lock', 'list', '--format', serverEntryFormat(), '--', location];
  results.serverFormat = await timedBorg(serverArgs, { ...env, PYTHONIOENCODING: 'unicode_escape' });
  log(
    `  borg list as the server runs it (--format …, unicode_escape): ${seconds(results.serverFormat.wallMs)} wall, ` +
      `${seconds(results.serverFormat.cpuMs)} CPU`,
  );
  return results;
}

// ---------------------------------------------------------------------------------------------------------------
// Through the API

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** GET over the keep-alive agent; resolves when the whole body has arrived. */
function get(server, path, cookie) {
  return new Promise((resolve, reject) => {
    const started = now();
    const request = http.get(
      { host: '127.0.0.1', port: server.port, path, agent, headers: { cookie, accept: 'application/json' } },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            // reported below with the text
          }
          resolve({ status: response.statusCode, json, text, ms: now() - started });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
  });
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted[sorted.length - 1] };
}
const statLine = (s) => `median ${ms(s.median)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (n=${s.n})`;

/** ~200 browse queries: the biggest directory several ways, the root, and random directories at every depth. */
function browseQueries(layout) {
  const random = prng(0x9e7);
  const byDepth = (depth) => layout.directories.filter((d) => d.depth === depth);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const big = layout.biggest;
  const queries = [
    { dir: big, sort: 'name', order: 'asc', offset: 0 },
    { dir: big, sort: 'name', order: 'desc', offset: 0 },
    { dir: big, sort: 'size', order: 'desc', offset: 0 },
    { dir: big, sort: 'mtime', order: 'desc', offset: 0 },
    { dir: big, sort: 'mtime', order: 'asc', offset: 0 },
    { dir: big, sort: 'name', order: 'asc', offset: Math.floor(big.entries / 2) },
    { dir: null, sort: 'name', order: 'asc', offset: 0 }, // the archive root
    { dir: byDepth(1)[0], sort: 'name', order: 'asc', offset: 0 },
  ];
  const sorts = [
    ['name', 'asc'],
    ['name', 'asc'],
    ['name', 'asc'],
    ['size', 'desc'],
    ['mtime', 'desc'],
    ['name', 'asc'],
    ['name', 'asc'],
    ['name', 'desc'],
    ['size', 'desc'],
    ['mtime', 'asc'],
  ];
  const plan = [...Array(12).fill(2), ...Array(40).fill(3), ...Array(140).fill(4)];
  plan.forEach((depth, i) => {
    const [sort, order] = sorts[i % sorts.length];
    queries.push({ dir: pick(byDepth(depth)), sort, order, offset: 0 });
  });
  for (const query of queries) {
    query.path = query.dir ? `/${query.dir.path}` : '/';
    query.total = query.dir ? query.dir.entries : 1;
    query.biggest = query.dir === big;
  }
  return queries;
}

const LIMIT = 100;
const browseUrl = (base, query) =>
  `${base}/browse?path=${encodeURIComponent(query.path)}&limit=${LIMIT}&offset=${query.offset}&sort=${query.sort}&order=${query.order}`;

/**
 * The server's own index queries, timed without HTTP: ArchiveIndexReader from the build
 * (dist/apps/api/archive-index-reader.js, an entry of its own in apps/api/webpack.config.js), called as
 * ArchivesService.browse calls it. better-sqlite3 is loaded only to print the plans of the reader's page queries.
 */
function indexQueries(file, queries) {
  const requireFromRoot = createRequire(join(root, 'package.json'));
  const readerModule = join(root, 'dist', 'apps', 'api', 'archive-index-reader.js');
  if (!existsSync(readerModule)) fail(`${readerModule} does not exist; run without --no-build`);
  const { ArchiveIndexReader, pageSql } = requireFromRoot(readerModule);

  const plans = {};
  const Database = requireFromRoot('better-sqlite3');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    for (const [part, order] of [
      ['dirs', 'asc'],
      ['others', 'asc'],
      ['size', 'desc'],
      ['mtime', 'desc'],
    ]) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${pageSql(part, order)}`).all(1, LIMIT, 0);
      plans[part === 'dirs' || part === 'others' ? `name asc (${part})` : `${part} ${order}`] = plan.map((row) => row.detail).join('; ');
    }
  } finally {
    db.close();
  }

  const reader = new ArchiveIndexReader(file);
  try {
    const run = (query) => {
      const started = now();
      const components = query.path
        .split('/')
        .filter(Boolean)
        .map((component) => Buffer.from(component, 'utf8'));
      let directoryId = 0;
      if (components.length > 0) {
        const row = reader.find(components);
        if (!row) fail(`index query: ${query.path} not found`);
        directoryId = row.id;
      }
      const { rows, total } = reader.list(directoryId, query.sort, query.order, LIMIT, query.offset);
      const elapsed = now() - started;
      if (total !== query.total) fail(`index query: ${query.path} has ${total} entries, expected ${query.total}`);
      return { ms: elapsed, rows: rows.length };
    };
    const passes = [queries.map(run), queries.map(run)];
    return { passes, plans };
  } finally {
    reader.close();
  }
}

async function apiBrowse(work, repository, layout, profileLog) {
  const port = await freePort();
  const nodeArgs = profileLog ? ['--prof', `--logfile=${profileLog}`, '--no-logfile-per-isolate'] : [];
  const server = new Server(work, port, { dataName: 'browse-data', nodeArgs });
  const dataDir = join(work, 'browse-data');
  try {
    await server.waitHealthy();
    const cookie = await server.setup();

    let started = now();
    const { data: repo } = await server.request('POST', '/api/repositories', {
      body: { name: 'browse', path: repository.repo, encryption: ENCRYPTION, passphrase: REPO_PASSPHRASE, initialize: false },
      cookie,
      expected: 201,
    });
    const importMs = now() - started;
    log(`  POST /api/repositories (import): ${seconds(importMs)}`);

    started = now();
    const { data: archives } = await server.request('GET', `/api/repositories/${repo.id}/archives`, { cookie });
    const catalogMs = now() - started;
    if (!archives.some((archive) => archive.name === ARCHIVE)) fail(`GET …/archives does not list ${ARCHIVE}: ${JSON.stringify(archives)}`);
    log(`  GET …/archives (first, reads the archive list from borg): ${seconds(catalogMs)}`);

    const base = `/api/repositories/${repo.id}/archives/${encodeURIComponent(ARCHIVE)}`;
    const loadAtStart = loadAverage();
    const warmMs = warmRepository(repository.repo);

    // Memory and CPU while the index is built: the server every 50 ms, and its borg child while it runs.
    const before = procMemory(server.pid);
    const cpuBefore = procCpu(server.pid);
    const samples = [before];
    const schedBefore = schedStat(server.pid);
    const sampler = setInterval(() => {
      const memory = procMemory(server.pid);
      if (memory) samples.push(memory);
    }, 50);
    let borg = null;
    let t0 = now();
    let first;
    const progress = [];
    let readyMs;
    let status;
    try {
      t0 = now();
      borg = new ProcessWatch(() => childrenOf(server.pid, ' list ')[0]);
      first = await get(server, `${base}/browse?path=${encodeURIComponent('/')}`, cookie);
      if (first.status !== 200 && first.status !== 202) fail(`first browse: HTTP ${first.status}: ${first.text}`);
      progress.push({ ms: now() - t0, entries: first.json?.data?.entries ?? null, percent: first.json?.data?.percent ?? null });
      if (first.status === 202) {
        log(`  first browse answered 202 after ${seconds(first.ms)}: ${JSON.stringify(first.json?.data)}`);
        let lastLog = now();
        for (;;) {
          if (server.exited !== null) fail(`the server exited (${server.exited}) while indexing:\n${server.tail()}`);
          await sleep(100);
          const poll = await get(server, `${base}/index`, cookie);
          if (poll.status !== 200) fail(`GET …/index: HTTP ${poll.status}: ${poll.text}`);
          status = poll.json.data;
          progress.push({ ms: now() - t0, entries: status.entries, percent: status.percent });
          if (status.state === 'ready') break;
          if (status.state !== 'building') fail(`the index build ended "${status.state}": ${status.error}`);
          if (now() - lastLog > 5000) {
            log(`  … ${count(status.entries)} entries indexed (${status.percent ?? '?'} %), ${seconds(now() - t0)}`);
            lastLog = now();
          }
        }
      }
      readyMs = now() - t0;
    } finally {
      clearInterval(sampler);
      borg?.stop();
    }
    const after = procMemory(server.pid);
    const cpuAfter = procCpu(server.pid);
    const schedAfter = schedStat(server.pid);
    samples.push(after);
    const listed = await get(server, `${base}/browse?path=${encodeURIComponent('/')}`, cookie);
    const listedMs = now() - t0;
    if (listed.status !== 200) fail(`browse after the build: HTTP ${listed.status}: ${listed.text}`);
    if (first.status === 200) status = (await get(server, `${base}/index`, cookie)).json.data;
    if (status.entries !== layout.entries)
      log(`NOTE: the index holds ${count(status.entries)} entries; the tar had ${count(layout.entries)}`);

    const indexDir = join(dataDir, 'archive-indexes');
    const onDisk = directoryBytes(indexDir);
    const indexFile = onDisk.files.find((file) => file.path.endsWith('.sqlite'))?.path;
    if (!indexFile) fail(`no .sqlite file under ${indexDir}`);

    // Later browses: over HTTP (keep-alive), then the same queries straight on the index file.
    const queries = browseQueries(layout);
    for (let i = 0; i < 5; i++) await get(server, `${base}/browse?path=${encodeURIComponent('/data')}&limit=${LIMIT}`, cookie); // warm-up
    const httpTimes = [];
    for (const query of queries) {
      const response = await get(server, browseUrl(base, query), cookie);
      if (response.status !== 200) fail(`browse ${query.path}: HTTP ${response.status}: ${response.text}`);
      if (response.json.meta?.total !== query.total) {
        fail(`browse ${query.path}: total ${response.json.meta?.total}, expected ${query.total}`);
      }
      httpTimes.push(response.ms);
    }
    const afterBrowses = procMemory(server.pid);
    const direct = indexQueries(indexFile, queries);

    return {
      importMs,
      catalogMs,
      warmMs,
      first: { status: first.status, ms: first.ms, body: first.json?.data },
      readyMs,
      listedMs,
      progress,
      status,
      borg,
      cpu: {
        serverMs: cpuAfter.self - cpuBefore.self,
        childrenMs: cpuAfter.children - cpuBefore.children,
        mainThreadOnCpuMs: schedAfter.onCpuMs - schedBefore.onCpuMs,
        mainThreadWaitingMs: schedAfter.waitingMs - schedBefore.waitingMs,
      },
      loadAtStart,
      memory: {
        before,
        after,
        afterBrowses,
        peakRss: Math.max(...samples.map((s) => s.rss ?? 0)),
        peakAnon: Math.max(...samples.map((s) => s.anon ?? 0)),
        samples: samples.length,
      },
      onDisk,
      indexFile,
      queries,
      httpTimes,
      direct,
      server,
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The whole part, and its report

export async function browseBench(options, work) {
  log(`Archive browsing: ${count(options.browseFiles)} files (load average ${loadAverage()})`);
  const layout = browseLayout(options.browseFiles);
  const repository = await ensureRepository(options, layout);

  log('Plain borg list (baseline)…');
  const plain = await plainListings(work, repository.repo, 2);
  const best = plain.jsonLines.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));

  log(`Browsing through the API…${options.profileServer ? ' (server under node --prof: its figures are slower than usual)' : ''}`);
  const profileLog = options.profileServer ? join(work, 'server-v8.log') : null;
  const api = await apiBrowse(work, repository, layout, profileLog);
  log('  Stopping the server (SIGTERM)…');
  const exit = await api.server.stop();
  if (exit !== 0 && exit !== 'SIGTERM') log(`the server exited with ${exit}`);

  const { memory, borg, cpu } = api;
  const hwmRose = (memory.after.hwm ?? 0) > (memory.before.hwm ?? 0);
  const httpAll = stats(api.httpTimes);
  const httpBiggest = stats(api.httpTimes.filter((_, i) => api.queries[i].biggest));
  const bySort = (times, sort) => stats(times.filter((_, i) => api.queries[i].sort === sort));
  const entriesPerSecond = (api.status.entries / (api.readyMs / 1000)).toFixed(0);
  const rows = [
    [
      'archive',
      `${count(layout.files)} files, ${count(layout.directories.length)} directories, ${count(layout.symlinks)} symlinks = ` +
        `${count(layout.entries)} entries`,
    ],
    ['biggest directory', `/${layout.biggest.path} (${count(layout.biggest.entries)} entries)`],
    [
      'repository',
      `${ENCRYPTION}, lz4, ${(repository.repoBytes / 2 ** 20).toFixed(0)} MiB on disk` +
        (repository.cached
          ? ` (cached; generated ${repository.generatedAt} in ${seconds(repository.importMs)})`
          : ` (generated now: tar stream of ${(repository.tarBytes / 2 ** 20).toFixed(0)} MiB into borg import-tar, ` +
            `${seconds(repository.importMs)})`),
    ],
    [
      'plain borg list --json-lines > /dev/null',
      `${plain.jsonLines.map((r) => seconds(r.wallMs)).join(', ')} wall (best ${seconds(best.wallMs)}); CPU ${seconds(best.cpuMs)}; ` +
        `peak RSS ${mib(best.peakKib)} (${best.method})`,
    ],
    ['  that borg process', best.watch.summary],
    [
      'borg list as the server runs it, > /dev/null',
      `${seconds(plain.serverFormat.wallMs)} wall; CPU ${seconds(plain.serverFormat.cpuMs)}; peak RSS ${mib(plain.serverFormat.peakKib)} ` +
        '(--log-json --bypass-lock list --format …, PYTHONIOENCODING=unicode_escape)',
    ],
    ['  that borg process', plain.serverFormat.watch.summary],
    ['API: import repository (POST /api/repositories)', seconds(api.importMs)],
    ['API: first GET …/archives (archive list from borg)', seconds(api.catalogMs)],
    [
      'API: first browse, request → index ready',
      `${seconds(api.readyMs)} (first answer: HTTP ${api.first.status} after ${seconds(api.first.ms)}; ` +
        `then a 200 listing of / at ${seconds(api.listedMs)}; ${entriesPerSecond} entries/s)`,
    ],
    ['ratio first browse / plain borg list (best)', `${(api.readyMs / best.wallMs).toFixed(2)}× (target ≤ 1.2×)`],
    ['ratio first browse / borg list as the server runs it', `${(api.readyMs / plain.serverFormat.wallMs).toFixed(2)}×`],
    [
      "server's borg child",
      borg.pid === null
        ? 'not seen'
        : `seen from ${seconds(borg.firstSeenMs)} to ${seconds(borg.lastSeenMs)} after the request; ${borg.summary}; ` +
          `CPU ${seconds(cpu.childrenMs)} (the server's reaped-children CPU)`,
    ],
    [
      'server CPU while indexing',
      `${seconds(cpu.serverMs)} (all threads) over ${seconds(api.readyMs)} wall; main thread on a CPU ${seconds(cpu.mainThreadOnCpuMs)}, ` +
        `waiting for a CPU ${seconds(cpu.mainThreadWaitingMs)}`,
    ],
    [
      'server RSS before / peak / after indexing',
      `${mib(memory.before.rss)} / ${mib(memory.peakRss)} / ${mib(memory.after.rss)} (${memory.samples} samples, every 50 ms); ` +
        `${mib(memory.afterBrowses?.rss)} after the later browses`,
    ],
    [
      'server VmHWM before → after',
      `${mib(memory.before.hwm)} → ${mib(memory.after.hwm)} (${hwmRose ? 'rose while indexing' : 'not exceeded while indexing'})`,
    ],
    [
      'server RssAnon before / peak / after',
      `${mib(memory.before.anon)} / ${mib(memory.peakAnon)} / ${mib(memory.after.anon)}; ${mib(memory.afterBrowses?.anon)} after the later browses`,
    ],
    [
      'index on disk',
      `${count(api.onDisk.total)} bytes (${(api.onDisk.total / 2 ** 20).toFixed(1)} MiB) in ${api.onDisk.files.length} file(s) ` +
        'under archive-indexes/; ' +
        `status: ${count(api.status.entries)} entries, bytes ${api.status.bytes === null ? 'null' : count(api.status.bytes)}`,
    ],
    [`later browses over HTTP (limit ${LIMIT}, keep-alive)`, statLine(httpAll)],
    [
      '  by sort: name / size / mtime (median)',
      ['name', 'size', 'mtime'].map((sort) => ms(bySort(api.httpTimes, sort).median)).join(' / '),
    ],
    [
      '  biggest directory (6 queries)',
      `${api.httpTimes
        .filter((_, i) => api.queries[i].biggest)
        .map(ms)
        .join(', ')} (${statLine(httpBiggest)})`,
    ],
  ];
  api.direct.passes.forEach((pass, p) => {
    const times = pass.map((result) => result.ms);
    rows.push([`server-side (index query), pass ${p + 1}`, statLine(stats(times))]);
    rows.push([
      '  by sort: name / size / mtime (median)',
      ['name', 'size', 'mtime'].map((sort) => ms(bySort(times, sort).median)).join(' / '),
    ]);
    rows.push([
      '  biggest directory (6 queries)',
      times
        .filter((_, i) => api.queries[i].biggest)
        .map(ms)
        .join(', '),
    ]);
  });
  console.log('');
  console.log(`Borgitory benchmark — browsing an archive of ${count(layout.files)} files`);
  console.log(table(rows));
  console.log(`  (load average: ${api.loadAtStart} before the first browse, ${loadAverage()} at the end; 2 cores are easily shared)`);
  const percents = api.progress.map((p) => p.percent);
  if (percents.every((p) => p === null)) console.log('  the index status gave no percent while building (expected_entries was null)');
  console.log('  query plans (EXPLAIN QUERY PLAN of the list query):');
  for (const [key, plan] of Object.entries(api.direct.plans)) console.log(`    ${key}: ${plan}`);
  console.log('');
  if (profileLog) printProfile(profileLog);
  return { layout, repository, plain, api };
}

/** The summary and the heaviest bottom-up entries of `node --prof-process` on the server's V8 log. */
function printProfile(file) {
  if (!existsSync(file)) return log(`no V8 log at ${file}`);
  const result = spawnSync(process.execPath, ['--prof-process', file], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (result.status !== 0) return log(`node --prof-process failed: ${result.stderr}`);
  const section = (title, lines) => {
    const text = result.stdout;
    const start = text.indexOf(` [${title}]:`);
    if (start === -1) return [];
    return text.slice(start).split('\n').slice(0, lines);
  };
  console.log(`Server CPU profile (node --prof over the server's whole life; ${file}):`);
  for (const line of [...section('Summary', 12), '', ...section('Bottom up (heavy) profile', 45)]) console.log(`  ${line}`);
  console.log('');
}
