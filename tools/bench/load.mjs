// Load part of `npm run bench`: requests/s and latency of three busy read routes under 100 connections
// (autocannon), first on an idle server, then while a 100,000-file backup runs and 50 SSE clients follow it.
// Plain Node ESM; it loads the project's autocannon and better-sqlite3 (to add job history rows).
//
// See docs/benchmarks.md ("Load") for what the figures mean and the recorded runs.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { printProfileSummary, readCpuProfile, summariseCpuProfile } from './cpu-profile.mjs';
import {
  count,
  fail,
  followStream,
  freePort,
  generate,
  loadAverage,
  log,
  now,
  root,
  seconds,
  Server,
  sleep,
  warmCache,
} from './common.mjs';

/** Bump when the cached archive repository or source tree changes: caches are keyed by it. */
const LOAD_VERSION = 'load-v1';
export const DEFAULT_LOAD_FILES = 100_000;
export const DEFAULT_LOAD_SECONDS = 10;
export const DEFAULT_LOAD_CONNECTIONS = 100;
const ARCHIVES = 200;
/** Finished jobs in the history that `GET /api/jobs?limit=50` pages through. */
const JOB_ROWS = 1_000;
const SSE_STREAMS = 50;
/** Each measurement follows a short, unmeasured run with a few connections, so that the JIT has seen the route. */
const WARMUP = { connections: 10, seconds: 1 };
/** autocannon's per-request timeout: a request that takes longer is counted as a timeout, not a latency. */
const REQUEST_TIMEOUT_SECONDS = 10;
const GOALS = {
  idle: { rps: 1500, p99: 50, label: '≥ 1,500 req/s, p99 ≤ 50 ms' },
  busy: { errors: 0, p99: 250, label: '0 errors, p99 ≤ 250 ms' },
};

const ms = (value) => (value === undefined || value === null ? 'n/a' : `${value} ms`);
/** CLOCK_MONOTONIC in µs: the clock of V8's CPU profiles, so that windows measured here can cut the server's. */
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

// ---------------------------------------------------------------------------------------------------------------
// Cached inputs: a repository of 200 small archives, and the backup source

/**
 * A repository of ARCHIVES archives of a tiny tree, one a day (`borg create --timestamp`), made once with plain borg
 * and reused (each run imports a copy). One `borg create` costs about 0.5 s here, so making it takes about 2 min.
 */
function ensureArchiveRepository(options) {
  const dir = join(options.cacheDir, `${LOAD_VERSION}-archives-${ARCHIVES}`);
  const repo = join(dir, 'repo');
  const marker = join(dir, 'ready.json');
  if (existsSync(marker) && existsSync(join(repo, 'config'))) {
    const ready = JSON.parse(readFileSync(marker, 'utf8'));
    if (ready.version === LOAD_VERSION && ready.archives === ARCHIVES) {
      log(`Using the cached repository of ${ARCHIVES} archives ${repo} (made in ${seconds(ready.makeMs)})`);
      return { repo, ...ready };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const tree = join(dir, 'tree');
  for (const [name, text] of [
    ['etc/hosts', '127.0.0.1 localhost\n'],
    ['notes/todo.txt', 'load bench\n'],
    ['README', 'archives\n'],
  ]) {
    mkdirSync(join(tree, name, '..'), { recursive: true });
    writeFileSync(join(tree, name), text);
  }
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    BORG_BASE_DIR: join(dir, 'borg-base'),
    BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK: 'yes',
  };
  const borg = (args) => {
    const result = spawnSync('borg', args, { env, encoding: 'utf8', cwd: tree });
    if (result.status !== 0) fail(`borg ${args.join(' ')} failed (exit ${result.status ?? result.signal}): ${result.stderr}`);
  };
  borg(['init', '--encryption=none', repo]);
  log(`Making ${ARCHIVES} archives with plain borg create (about 0.5 s each)…`);
  const started = now();
  const firstDay = Date.UTC(2026, 0, 1, 3, 0, 0);
  for (let i = 0; i < ARCHIVES; i++) {
    const day = new Date(firstDay + i * 86_400_000).toISOString().slice(0, 19);
    borg(['create', '--timestamp', day, `${repo}::daily-${day.slice(0, 10)}`, '.']);
    if ((i + 1) % 50 === 0 && i + 1 < ARCHIVES) log(`  … ${i + 1} archives`);
  }
  const makeMs = now() - started;
  rmSync(env.BORG_BASE_DIR, { recursive: true, force: true });
  const ready = { version: LOAD_VERSION, archives: ARCHIVES, makeMs, madeAt: new Date().toISOString() };
  writeFileSync(marker, `${JSON.stringify(ready, null, 2)}\n`);
  log(`Made the repository of ${ARCHIVES} archives in ${seconds(makeMs)}`);
  return { repo, ...ready };
}

/** The backup part's data set (the same generator), kept between runs. */
function ensureSource(options) {
  const dir = join(options.cacheDir, `${LOAD_VERSION}-source-${options.loadFiles}`);
  const source = join(dir, 'source');
  const marker = join(dir, 'ready.json');
  if (existsSync(marker)) {
    const ready = JSON.parse(readFileSync(marker, 'utf8'));
    if (ready.version === LOAD_VERSION && ready.files === options.loadFiles) {
      log(`Using the cached source of ${count(ready.files)} files ${source}`);
      return { source, ...ready };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  log(`Generating ${count(options.loadFiles)} files for the backup…`);
  const started = now();
  const bytes = generate(source, options.loadFiles);
  const ready = { version: LOAD_VERSION, files: options.loadFiles, bytes, generateMs: now() - started };
  writeFileSync(marker, `${JSON.stringify(ready, null, 2)}\n`);
  log(`Generated ${count(ready.files)} files (${count(bytes)} bytes) in ${seconds(ready.generateMs)}`);
  return { source, ...ready };
}

// ---------------------------------------------------------------------------------------------------------------
// Server state: repositories, job history

const FINISHED = new Set(['completed', 'warning', 'failed', 'cancelled', 'interrupted']);

async function waitForJob(server, cookie, id, timeoutMs = 120_000) {
  const deadline = now() + timeoutMs;
  for (;;) {
    const { data: job } = await server.request('GET', `/api/jobs/${id}`, { cookie });
    if (FINISHED.has(job.status)) return job;
    if (now() > deadline) fail(`job ${id} did not finish within ${timeoutMs / 1000} s (${job.status})`);
    if (server.exited !== null) fail(`the server exited (${server.exited}):\n${server.tail()}`);
    await sleep(100);
  }
}

/**
 * JOB_ROWS finished jobs: one real backup of a tiny tree through the API, then copies of its job and step rows
 * (every column as the server wrote it, dates moved back 8 hours per copy) written with better-sqlite3 into the
 * server's database, which runs in WAL mode and takes the writes beside its own connection.
 */
async function makeJobHistory(server, cookie, work, repositoryId, databaseFile) {
  const tree = join(work, 'load-tiny-source');
  mkdirSync(tree, { recursive: true });
  writeFileSync(join(tree, 'file.txt'), 'a small backup for the job history\n');
  const { data: queued } = await server.request('POST', '/api/backups/manual', {
    body: { repository_id: repositoryId, source_path: tree, compression: 'lz4' },
    cookie,
    expected: 201,
  });
  const job = await waitForJob(server, cookie, queued.id);
  if (job.status !== 'completed') fail(`the job history's backup ended ${job.status}: ${JSON.stringify(job.error)}`);

  const Database = createRequire(join(root, 'package.json'))('better-sqlite3');
  const db = new Database(databaseFile);
  try {
    db.pragma('busy_timeout = 5000');
    const columns = (table) =>
      db
        .pragma(`table_info(${table})`)
        .map((column) => column.name)
        .filter((name) => name !== 'id');
    const shifted = (name) =>
      ['created_at', 'started_at', 'finished_at'].includes(name) ? `strftime('%Y-%m-%d %H:%M:%f', "${name}", @shift)` : `"${name}"`;
    const jobColumns = columns('jobs');
    const stepColumns = columns('job_steps');
    const copyJob = db.prepare(
      `INSERT INTO jobs (${jobColumns.map((c) => `"${c}"`).join(', ')}) SELECT ${jobColumns.map(shifted).join(', ')} FROM jobs WHERE id = @id`,
    );
    const copySteps = db.prepare(
      `INSERT INTO job_steps (${stepColumns.map((c) => `"${c}"`).join(', ')}) ` +
        `SELECT ${stepColumns.map((c) => (c === 'job_id' ? '@newId' : shifted(c))).join(', ')} FROM job_steps WHERE job_id = @id`,
    );
    db.transaction(() => {
      for (let i = 1; i < JOB_ROWS; i++) {
        const shift = `-${i * 8} hours`;
        const newId = copyJob.run({ id: job.id, shift }).lastInsertRowid;
        copySteps.run({ id: job.id, newId, shift });
      }
    })();
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring

/** utime + stime of a process in ms (/proc/<pid>/stat), or null. */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms (USER_HZ = 100)
  } catch {
    return null;
  }
}

/** The live descendants of a process (borg and its helpers under the server), from /proc/<pid>/stat. */
function descendants(pid) {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const found = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [child, parent] of parents) {
      if (found.has(parent) && !found.has(child)) {
        found.add(child);
        grew = true;
      }
    }
  }
  found.delete(pid);
  return [...found];
}

/** A process's command line with spaces between the arguments, or '' once it is gone. */
function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** CPU time (ms) of each live descendant, by pid. */
function descendantsCpu(pid) {
  return new Map(descendants(pid).map((child) => [child, cpuMs(child) ?? 0]));
}

/** autocannon's instance: a promise of the results that can also be stopped. */
function autocannonRun(autocannon, server, path, cookie, connections, durationSeconds) {
  return autocannon({
    url: `${server.base}${path}`,
    connections,
    duration: durationSeconds,
    timeout: REQUEST_TIMEOUT_SECONDS,
    headers: { cookie, accept: 'application/json' },
  });
}

/**
 * One measurement of one route: a warm-up, then `connections` connections for `seconds`, or until `stopWhen()` says
 * so (checked every 100 ms); `atEnd()` runs as soon as the requests stop.
 */
async function measure(autocannon, server, route, cookie, options, stopWhen = () => false, atEnd = () => undefined) {
  await autocannonRun(autocannon, server, route.path, cookie, WARMUP.connections, WARMUP.seconds);
  const loadBefore = loadAverage();
  const cpuBefore = cpuMs(server.pid);
  const childrenBefore = descendantsCpu(server.pid);
  const benchBefore = process.cpuUsage();
  const from = monotonicMicros();
  const started = now();
  const instance = autocannonRun(autocannon, server, route.path, cookie, options.loadConnections, options.loadSeconds);
  // The server's children that were there at the start (borg during a backup), as last seen: one may exit meanwhile.
  const childrenLast = new Map(childrenBefore);
  const watchChildren = () => {
    for (const child of childrenBefore.keys()) {
      const used = cpuMs(child);
      if (used !== null) childrenLast.set(child, used);
    }
  };
  let stoppedEarly = false;
  const watch = setInterval(() => {
    watchChildren();
    if (!stopWhen()) return;
    stoppedEarly = true;
    clearInterval(watch);
    instance.stop();
  }, 100);
  const result = await instance;
  clearInterval(watch);
  watchChildren();
  atEnd();
  const wallMs = now() - started;
  const to = monotonicMicros();
  const serverCpuMs = cpuMs(server.pid) - cpuBefore;
  const bench = process.cpuUsage(benchBefore);
  let childrenCpuMs = 0;
  for (const [child, first] of childrenBefore) childrenCpuMs += childrenLast.get(child) - first;
  const drainMs = await drain(server);
  return {
    route: route.label,
    rps: result.requests.total / (wallMs / 1000),
    seconds: wallMs / 1000,
    stoppedEarly,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    serverCpu: serverCpuMs / wallMs,
    childrenCpu: childrenCpuMs / wallMs,
    // autocannon and the SSE readers: they share the machine with the server.
    benchCpu: (bench.user + bench.system) / 1000 / wallMs,
    // Steadier than req/s on a shared machine: what one answer cost the server, whoever else used the CPUs.
    cpuPerRequestMs: serverCpuMs / Math.max(1, result.requests.total),
    loadBefore,
    loadAfter: loadAverage(),
    window: { from, to },
    drainMs,
  };
}

/**
 * autocannon stops at the end of its time and leaves up to `connections` requests in the server's hands: waits until
 * the server has answered them (GET /api/health, queued behind them, answers quickly again), so that they count
 * neither in the next measurement nor in its profile window.
 */
async function drain(server, timeoutMs = 30_000) {
  const started = now();
  while (now() - started < timeoutMs) {
    const asked = now();
    await server.request('GET', '/api/health');
    if (now() - asked < 20) return now() - started;
    await sleep(100);
  }
  return now() - started;
}

/** The route answers 200 with what the bench set up, before it is measured. */
async function checkRoute(server, route, cookie) {
  const { json } = await server.request('GET', route.path, { cookie });
  const page = Math.min(route.total, 50);
  if (json.meta?.total !== route.total || json.data.length !== page) {
    fail(`${route.label}: expected ${route.total} in all and a page of ${page}, got ${json.meta?.total} and ${json.data.length}`);
  }
}

/**
 * Starts a backup of the source into an empty repository, opens SSE_STREAMS streams of its job and waits until all
 * of them are connected and borg is reading files; then measures; then cancels the backup (if it still runs).
 */
async function measureDuringBackup(autocannon, server, route, cookie, options, repositoryId, source) {
  const warmMs = warmCache(source);
  const { data: job } = await server.request('POST', '/api/backups/manual', {
    body: { repository_id: repositoryId, source_path: source, compression: 'lz4' },
    cookie,
    expected: 201,
  });
  const streams = Array.from({ length: SSE_STREAMS }, () => followStream(server, `/api/jobs/${job.id}/stream`, cookie));
  const deadline = now() + 60_000;
  let running = job;
  while (!(streams.every((stream) => stream.counts.status) && running.status === 'running' && running.progress?.files > 0)) {
    if (now() > deadline) fail(`the backup (job ${job.id}) did not show progress within 60 s (${running.status})`);
    if (FINISHED.has(running.status)) fail(`the backup (job ${job.id}) ended ${running.status} before it could be measured`);
    await sleep(100);
    ({ data: running } = await server.request('GET', `/api/jobs/${job.id}`, { cookie }));
  }
  const filesBefore = running.progress.files;
  const creating = descendants(server.pid).filter((pid) => commandLine(pid).includes(' create '));
  if (creating.length === 0) fail(`no borg create runs under the server for job ${job.id}`);
  // A fast machine may finish the backup first: the measurement stops when borg create exits (the job then still
  // refreshes the repository's figures), so that every second measured had a backup running.
  let filesAtEnd = null;
  const borgExited = () => creating.every((pid) => !commandLine(pid).includes(' create '));
  const measured = await measure(autocannon, server, route, cookie, options, borgExited, () => {
    filesAtEnd = streams[0].progress?.files ?? filesBefore;
  });
  const ranThroughout = !measured.stoppedEarly;
  const { data: after } = await server.request('GET', `/api/jobs/${job.id}`, { cookie });
  if (after.status === 'running') await server.request('POST', `/api/jobs/${job.id}/cancel`, { cookie });
  const final = await waitForJob(server, cookie, job.id);
  await Promise.all(streams.map((stream) => stream.close(5000)));
  const events = streams.map((stream) => Object.values(stream.counts).reduce((a, b) => a + b, 0));
  return {
    ...measured,
    backup: {
      jobId: job.id,
      warmMs,
      ranThroughout,
      filesDuringWindow: filesAtEnd - filesBefore,
      finalStatus: final.status,
    },
    sse: {
      streams: streams.length,
      progressEvents: Math.min(...streams.map((stream) => stream.counts.progress ?? 0)),
      eventsMin: Math.min(...events),
      eventsMax: Math.max(...events),
      bytes: streams.reduce((sum, stream) => sum + stream.bytes, 0),
      done: streams.filter((stream) => stream.done).length,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The part

export async function loadBench(options, work) {
  const autocannon = createRequire(join(root, 'package.json'))('autocannon');
  const archives = ensureArchiveRepository(options);
  const { source } = ensureSource(options);

  const profileDir = options.profileServer ? join(work, 'load-profile') : null;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  // The default log level: every answer writes its request log line, as in production.
  const logFile = join(work, 'load-server.log');
  const server = new Server(work, await freePort(), { dataName: 'load-data', nodeArgs, logLevel: 'info', logFile });
  const idle = [];
  const busy = [];
  let setupMs;
  let archiveListMs;
  try {
    await server.waitHealthy();
    const setupStarted = now();
    const cookie = await server.setup();
    const repoCopy = join(work, 'load-archives-repo');
    cpSync(archives.repo, repoCopy, { recursive: true });
    const { data: archiveRepository } = await server.request('POST', '/api/repositories', {
      body: { name: 'archives', path: repoCopy, encryption: 'none', initialize: false },
      cookie,
      expected: 201,
    });
    const listStarted = now();
    await server.request('GET', `/api/repositories/${archiveRepository.id}/archives`, { cookie });
    archiveListMs = now() - listStarted;
    const backupRepositories = [];
    for (let i = 1; i <= 3; i++) {
      const { data } = await server.request('POST', '/api/repositories', {
        body: { name: `backup-${i}`, path: join(work, `load-backup-repo-${i}`), encryption: 'none' },
        cookie,
        expected: 201,
      });
      backupRepositories.push(data.id);
    }
    await makeJobHistory(server, cookie, work, backupRepositories[0], join(work, 'load-data', 'borgitory.db'));
    setupMs = now() - setupStarted;
    log(
      `Server ready: ${ARCHIVES} archives imported (first archive list ${seconds(archiveListMs)}), ${count(JOB_ROWS)} jobs (${seconds(setupMs)})`,
    );

    const routes = [
      { label: 'GET /api/repositories', path: '/api/repositories', total: 4 },
      { label: 'GET /api/jobs?limit=50', path: '/api/jobs?limit=50', total: JOB_ROWS },
      { label: 'GET /api/repositories/{id}/archives', path: `/api/repositories/${archiveRepository.id}/archives`, total: ARCHIVES },
    ];
    for (const route of routes) await checkRoute(server, route, cookie);

    for (const route of routes) {
      log(`Idle server: ${route.label}, ${options.loadConnections} connections for ${options.loadSeconds} s…`);
      idle.push(await measure(autocannon, server, route, cookie, options));
    }
    for (const [index, route] of routes.entries()) {
      log(`During a backup of ${count(options.loadFiles)} files with ${SSE_STREAMS} SSE streams: ${route.label}…`);
      busy.push(await measureDuringBackup(autocannon, server, route, cookie, options, backupRepositories[index], source));
    }
  } finally {
    const exit = await server.stop();
    if (exit !== 0 && exit !== 'SIGTERM') log(`the server exited with ${exit}`);
  }

  printLoadReport(options, idle, busy);
  if (profileDir) printLoadProfile(profileDir, idle, busy);
}

function printLoadReport(options, idle, busy) {
  const header = ['part', 'route', 'req/s', 'p50', 'p99', 'max', 'errors', 'timeouts', 'non-2xx', 'server CPU', 'CPU/req', 'goal', 'met'];
  const row = (part, goal, result) => {
    const met =
      part === 'idle'
        ? result.rps >= goal.rps && result.p99 <= goal.p99
        : result.errors === 0 && result.timeouts === 0 && result.non2xx === 0 && result.p99 <= goal.p99;
    return [
      part,
      result.route,
      count(Math.round(result.rps)),
      ms(result.p50),
      ms(result.p99),
      ms(result.max),
      count(result.errors),
      count(result.timeouts),
      count(result.non2xx),
      `${Math.round(result.serverCpu * 100)} %`,
      `${result.cpuPerRequestMs.toFixed(2)} ms`,
      goal.label,
      met ? 'yes' : 'NO',
    ];
  };
  const rows = [header, ...idle.map((r) => row('idle', GOALS.idle, r)), ...busy.map((r) => row('backup+SSE', GOALS.busy, r))];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) =>
    `  ${r.map((cell, i) => (i >= 2 && i <= 10 ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]))).join('  ')}`;

  console.log('');
  console.log(
    `Borgitory benchmark — load: ${options.loadConnections} connections, ${options.loadSeconds} s per route ` +
      `(after ${WARMUP.seconds} s with ${WARMUP.connections}); autocannon in the bench process on the same machine`,
  );
  console.log(line(header));
  for (const r of rows.slice(1)) console.log(line(r));
  console.log(
    '  server CPU: CPU time of the server process (all threads) over the wall time of the measurement; ' +
      'CPU/req: that CPU time per answer (steadier than req/s on a shared machine)',
  );
  console.log('  load average (1/5/15 min) before → after each measurement; CPU of the bench process (autocannon) meanwhile:');
  for (const [part, results] of [
    ['idle', idle],
    ['backup+SSE', busy],
  ]) {
    for (const r of results) {
      console.log(
        `    ${part.padEnd(10)}  ${r.route.padEnd(36)}  ${r.loadBefore} → ${r.loadAfter}; bench ${Math.round(r.benchCpu * 100)} %`,
      );
    }
  }
  console.log(
    `  backups (${count(options.loadFiles)} files each, a fresh repository for each route; ${SSE_STREAMS} streams of GET /api/jobs/{id}/stream):`,
  );
  for (const r of busy) {
    const { backup, sse } = r;
    console.log(
      `    ${r.route.padEnd(36)}  job ${backup.jobId}: ` +
        (backup.ranThroughout
          ? 'borg create ran throughout the measurement, '
          : `borg create finished after ${r.seconds.toFixed(1)} s, which ended the measurement there, `) +
        `${count(backup.filesDuringWindow)} files backed up during it (borg's CPU ${Math.round(r.childrenCpu * 100)} %), ` +
        `then ${backup.finalStatus}; ` +
        `SSE: ≥ ${sse.progressEvents} progress events per stream (${sse.eventsMin}–${sse.eventsMax} events), ` +
        `${count(sse.bytes)} bytes in all, done on ${sse.done}/${sse.streams}; page cache warmed in ${seconds(backup.warmMs)}`,
    );
  }
  console.log('');
}

function printLoadProfile(profileDir, idle, busy) {
  const files = existsSync(profileDir) ? readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile')) : [];
  if (files.length !== 1) return log(`expected one .cpuprofile in ${profileDir}, found ${files.length}`);
  const file = join(profileDir, files[0]);
  const profile = readCpuProfile(file);
  // For a closer look later: node tools/bench/cpu-profile.mjs FILE --windows windows.json --part idle
  const windowsFile = join(profileDir, 'windows.json');
  const windows = (results) => Object.fromEntries(results.map((r) => [r.route, r.window]));
  writeFileSync(windowsFile, `${JSON.stringify({ idle: windows(idle), busy: windows(busy) }, null, 2)}\n`);
  console.log(`Server CPU profile (node --cpu-prof; ${file}), cut to the measured windows (${windowsFile}):`);
  printProfileSummary(
    'idle server, the three routes',
    summariseCpuProfile(
      profile,
      idle.map((r) => r.window),
    ),
  );
  printProfileSummary(
    'during the backups with SSE, the three routes',
    summariseCpuProfile(
      profile,
      busy.map((r) => r.window),
    ),
  );
  for (const r of [...idle, ...busy]) {
    const part = idle.includes(r) ? 'idle' : 'backup+SSE';
    printProfileSummary(`${part}: ${r.route}`, summariseCpuProfile(profile, [r.window]), { top: 12 });
  }
}
