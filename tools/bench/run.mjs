// `npm run bench`: its parts run one after the other, each with its own server on a fresh data directory:
//   backup    interleaved pairs of one large backup through plain borg and through the API, with wall times, their
//             ratio (each pair's, the best and the median) and server memory (here);
//   host-backup  interleaved pairs of a 100,000-file backup through the API from this machine and from a host in pull
//             mode over ssh (a throwaway sshd and user on 127.0.0.1), with the host/local ratio (host-backup.mjs);
//   browse    browsing an archive of 1,000,000 files (browse.mjs);
//   job-list  listing 200,000 jobs with and without filters (job-list.mjs);
//   job-filter  the job list's filter syntax (sets, a creation range, sort) on 100,000 jobs, p50 within 5 ms (job-filter.mjs);
//   overview  the dashboard's GET /api/overview and GET /metrics with 50 repositories and 10,000 archives (overview.mjs);
//   search    GET /api/search across 3 repositories of 3 indexed archives of 100,000 files each (search.mjs);
//   load      requests/s and latency of busy routes under 100 connections, idle and during a backup (load.mjs);
//   bundle    the JavaScript a browser fetches to show the dashboard, in chromium (bundle.mjs).
// Prints figures; it is not a test. Plain Node ESM (browse.mjs, job-list.mjs, job-filter.mjs, overview.mjs and search.mjs also load the
// project's better-sqlite3 or the server's index reader, load.mjs autocannon and better-sqlite3, bundle.mjs playwright-core).
//
//   npm run bench -- [--only PART[,PART]] [--no-backup] [--no-host-backup] [--no-browse] [--no-job-list] [--no-job-filter] [--no-overview] [--no-search] [--no-load]
//                    [--no-bundle] [--files N] [--rounds N] [--host-files N] [--browse-files N] [--fresh-repo] [--load-files N] [--load-seconds N]
//                    [--load-connections N] [--cache-dir DIR] [--profile-server] [--no-build] [--keep]
//
// See docs/benchmarks.md for what the figures mean and the last recorded runs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import {
  BenchFailure,
  borgVersion,
  childPids,
  count,
  fail,
  FILES_PER_DIRECTORY,
  followStream,
  freePort,
  generate,
  liveChildren,
  loadAverage,
  log,
  mib,
  now,
  onPath,
  procCpu,
  procMemory,
  root,
  runChecked,
  seconds,
  Server,
  signedMib,
  sleep,
  table,
  track,
  warmCache,
  watchChildren,
} from './common.mjs';
import { browseBench, DEFAULT_BROWSE_FILES, MIN_BROWSE_FILES } from './browse.mjs';
import { bundleBench } from './bundle.mjs';
import { DEFAULT_HOST_FILES, hostBackupBench } from './host-backup.mjs';
import { jobFilterBench } from './job-filter.mjs';
import { jobListBench } from './job-list.mjs';
import { overviewBench } from './overview.mjs';
import { searchBench } from './search.mjs';
import { DEFAULT_LOAD_CONNECTIONS, DEFAULT_LOAD_FILES, DEFAULT_LOAD_SECONDS, loadBench } from './load.mjs';

// ---------------------------------------------------------------------------------------------------------------
// Arguments

/** In the order they run. */
const PARTS = ['backup', 'host-backup', 'browse', 'job-list', 'job-filter', 'overview', 'search', 'load', 'bundle'];

const USAGE =
  'Usage: npm run bench -- [--only PART[,PART]] [--no-backup] [--no-host-backup] [--no-browse] [--no-job-list] [--no-job-filter] [--no-overview] [--no-search] [--no-load] [--no-bundle] [--files N] [--rounds N] ' +
  '[--host-files N] [--browse-files N] [--fresh-repo] [--load-files N] [--load-seconds N] [--load-connections N] [--cache-dir DIR] ' +
  `[--profile-server] [--no-build] [--keep]   (parts: ${PARTS.join(', ')})`;

function parseArgs(argv) {
  const options = {
    parts: new Set(PARTS),
    files: 200_000,
    rounds: 3,
    hostFiles: DEFAULT_HOST_FILES,
    browseFiles: DEFAULT_BROWSE_FILES,
    freshRepo: false,
    loadFiles: DEFAULT_LOAD_FILES,
    loadSeconds: DEFAULT_LOAD_SECONDS,
    loadConnections: DEFAULT_LOAD_CONNECTIONS,
    profileServer: false,
    cacheDir: join(os.tmpdir(), 'borgitory-bench-cache'),
    build: true,
    keep: false,
  };
  const value = (arg, i) => (arg.includes('=') ? [arg.slice(arg.indexOf('=') + 1), i] : [argv[i + 1], i + 1]);
  const whole = (name, raw, minimum) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < minimum) fail(`${name} needs a whole number of at least ${minimum} (got "${raw}")`);
    return n;
  };
  const part = (name) => {
    if (!PARTS.includes(name)) fail(`Unknown part "${name}" (parts: ${PARTS.join(', ')})`);
    return name;
  };
  let only = null;
  const skipped = new Set();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = arg.split('=')[0];
    let raw;
    if (arg === '--no-build') options.build = false;
    else if (arg === '--keep') options.keep = true;
    else if (arg.startsWith('--no-') && PARTS.includes(arg.slice(5))) skipped.add(arg.slice(5));
    else if (arg === '--fresh-repo') options.freshRepo = true;
    else if (arg === '--profile-server') options.profileServer = true;
    else if (name === '--only') {
      [raw, i] = value(arg, i);
      only ??= new Set();
      for (const each of (raw ?? '').split(',')) only.add(part(each.trim()));
    } else if (name === '--files') {
      [raw, i] = value(arg, i);
      options.files = whole('--files', raw, 1);
    } else if (name === '--rounds') {
      [raw, i] = value(arg, i);
      options.rounds = whole('--rounds', raw, 1);
    } else if (name === '--host-files') {
      [raw, i] = value(arg, i);
      options.hostFiles = whole('--host-files', raw, 1);
    } else if (name === '--browse-files') {
      [raw, i] = value(arg, i);
      options.browseFiles = whole('--browse-files', raw, MIN_BROWSE_FILES);
    } else if (name === '--load-files') {
      [raw, i] = value(arg, i);
      options.loadFiles = whole('--load-files', raw, 1);
    } else if (name === '--load-seconds') {
      [raw, i] = value(arg, i);
      options.loadSeconds = whole('--load-seconds', raw, 1);
    } else if (name === '--load-connections') {
      [raw, i] = value(arg, i);
      options.loadConnections = whole('--load-connections', raw, 1);
    } else if (name === '--cache-dir') {
      [raw, i] = value(arg, i);
      if (!raw) fail('--cache-dir needs a directory');
      options.cacheDir = raw;
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`Unknown argument "${arg}" (${USAGE.toLowerCase()})`);
  }
  options.parts = new Set(PARTS.filter((each) => (only ?? options.parts).has(each) && !skipped.has(each)));
  if (options.parts.size === 0) fail('The arguments leave no part to run');
  return options;
}

// ---------------------------------------------------------------------------------------------------------------
// Baseline: plain borg create

function plainBorgEnv(work) {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? os.homedir(),
    BORG_BASE_DIR: join(work, 'borg-base-plain'),
    BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK: 'yes',
  };
}

/**
 * Times `borg create` and measures borg's peak RSS: through GNU time -v when /usr/bin/time exists (its "Maximum
 * resident set size"), else by polling /proc/<pid>/status VmHWM every 50 ms (the last value read before exit).
 */
async function plainBackup(work, source) {
  const env = plainBorgEnv(work);
  const repo = join(work, 'plain-repo');
  runChecked('borg', ['init', '--encryption=none', repo], { env });
  const warmMs = warmCache(source);

  const borgArgs = ['create', '--compression', 'lz4', `${repo}::plain`, source];
  const useTime = onPath('/usr/bin/time');
  const [command, args] = useTime ? ['/usr/bin/time', ['-v', 'borg', ...borgArgs]] : ['borg', borgArgs];

  const cpuBefore = procCpu();
  const started = now();
  const child = track(spawn(command, args, { env, stdio: ['ignore', 'inherit', 'pipe'] }));
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let polledHwm = null;
  const poller = useTime
    ? null
    : setInterval(() => {
        const memory = procMemory(child.pid);
        if (memory?.hwm) polledHwm = memory.hwm;
      }, 50);
  const exitCode = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? signal));
  });
  const wallMs = now() - started;
  // borg's CPU (and GNU time's, a few ms): this process's waited-for children, nothing else ran meanwhile.
  const cpuSeconds = procCpu().children - cpuBefore.children;
  if (poller) clearInterval(poller);

  let peakKib = polledHwm;
  let method = '/proc/<pid>/status VmHWM, polled every 50 ms';
  if (useTime) {
    method = '/usr/bin/time -v, "Maximum resident set size"';
    const match = stderr.match(/Maximum resident set size \(kbytes\): (\d+)/);
    peakKib = match ? Number(match[1]) : null;
    stderr = stderr.replace(/\n?\s*Command being timed:[\s\S]*$/, '');
  }
  if (exitCode !== 0) {
    process.stderr.write(stderr);
    fail(`plain borg create failed (exit ${exitCode})`);
  }
  if (stderr.trim()) process.stderr.write(stderr.endsWith('\n') ? stderr : `${stderr}\n`);

  // The archive's own figures (untimed), to compare with the API job's result.
  const info = spawnSync('borg', ['info', '--json', `${repo}::plain`], { env, encoding: 'utf8' });
  if (info.status !== 0) fail(`borg info on the plain archive failed (exit ${info.status}): ${info.stderr}`);
  const stats = JSON.parse(info.stdout).archives[0].stats;
  return { wallMs, cpuSeconds, peakKib, method, warmMs, stats: { files: stats.nfiles, original_size: stats.original_size } };
}

// ---------------------------------------------------------------------------------------------------------------
// Through the API

async function apiBackup(work, source) {
  // Before the server starts, so that it is in the same fresh state whatever the warm-up took: an idle server
  // shrinks its heap after a while, which would make "RSS before" depend on the size of the data set.
  const warmMs = warmCache(source);
  const port = await freePort();
  const server = new Server(work, port);
  try {
    await server.waitHealthy();
    const cookie = await server.setup();
    const { data: repository } = await server.request('POST', '/api/repositories', {
      body: { name: 'bench', path: join(work, 'api-repo'), encryption: 'none' },
      cookie,
      expected: 201,
    });

    // Server memory, every 100 ms from just before the backup request until the job has finished.
    const before = procMemory(server.pid);
    if (!before) fail('cannot read the server process status from /proc');
    const samples = [before.rss];
    const anonSamples = [before.anon];
    const sampler = setInterval(() => {
      const memory = procMemory(server.pid);
      if (memory?.rss) samples.push(memory.rss);
      if (memory?.anon) anonSamples.push(memory.anon);
    }, 100);
    const at = (fraction) => samples[Math.min(samples.length - 1, Math.round(fraction * (samples.length - 1)))];

    let job;
    let stream;
    let wallMs;
    let cpuSeconds;
    let around;
    try {
      const cpuBefore = procCpu(server.pid);
      const children = watchChildren(server.pid);
      const started = now();
      ({ data: job } = await server.request('POST', '/api/backups/manual', {
        body: { repository_id: repository.id, source_path: source, compression: 'lz4' },
        cookie,
        expected: 201,
      }));
      stream = followStream(server, `/api/jobs/${job.id}/stream`, cookie);
      // The end is when the SSE `done` event arrives (the job's row is saved before it is sent); polling every
      // 250 ms stays as the fallback, should the stream fail.
      const finished = new Set(['completed', 'warning', 'failed', 'cancelled', 'interrupted']);
      let polledAt = now();
      while (!stream.done && !finished.has(job.status)) {
        if (server.exited !== null) fail(`the server exited (${server.exited}) during the backup:\n${server.tail()}`);
        await Promise.race([stream.doneReceived, sleep(250)]);
        if (stream.done) break;
        ({ data: job } = await server.request('GET', `/api/jobs/${job.id}`, { cookie }));
        polledAt = now();
      }
      const ended = stream.doneAt ?? polledAt;
      wallMs = ended - started;
      // What the API adds around borg create (its process as the server's child, seen every 10 ms).
      const create = children.stop().find((child) => / create /.test(child.command));
      if (!create) fail("no borg create was seen among the server's children");
      around = { beforeCreateMs: create.first - started, afterCreateMs: ended - create.last };
      // The server's own CPU and that of the children it has waited for (borg create): what the backup cost.
      const cpuAfter = procCpu(server.pid);
      cpuSeconds = cpuAfter.own - cpuBefore.own + (cpuAfter.children - cpuBefore.children);
    } finally {
      clearInterval(sampler);
    }
    const after = procMemory(server.pid);
    samples.push(after.rss);
    anonSamples.push(after.anon);
    ({ data: job } = await server.request('GET', `/api/jobs/${job.id}`, { cookie }));
    const { data: stored } = await server.request('GET', `/api/repositories/${repository.id}`, { cookie });
    await stream.close();

    if (job.status !== 'completed' && job.status !== 'warning') {
      const { data: logPage } = await server.request('GET', `/api/jobs/${job.id}/logs?limit=1000`, { cookie });
      const lines = (logPage?.lines ?? []).slice(-20).map((line) => `  ${line.level}: ${line.message}`);
      fail(`the API backup ended "${job.status}": ${JSON.stringify(job.error)}\n${lines.join('\n')}`);
    }
    // Whatever the server still runs after the job (borg reading the repository's statistics) ends before the next
    // timed backup starts, so that it does not slow that one down.
    const backgroundMs = await waitForNoChildren(server.pid, 120_000);
    const { data: refreshed } = await server.request('GET', `/api/repositories/${repository.id}`, { cookie });
    return {
      job,
      wallMs,
      cpuSeconds,
      around,
      warmMs,
      backgroundMs,
      repository: { atDone: stored, afterBackground: refreshed },
      memory: {
        beforeKib: before.rss,
        hwmBeforeKib: before.hwm,
        sampledPeakKib: Math.max(...samples),
        hwmEndKib: after.hwm,
        afterKib: after.rss,
        samples: samples.length,
        anonBeforeKib: before.anon,
        anonPeakKib: Math.max(...anonSamples),
        anonAfterKib: after.anon,
        // VmRSS at 0 %, 25 %, 50 %, 75 % and 100 % of the backup: per-file growth would show as a steady climb.
        trajectoryKib: [0, 0.25, 0.5, 0.75, 1].map(at),
      },
      sse: { counts: stream.counts, done: stream.done },
    };
  } finally {
    const exit = await server.stop();
    // Nest re-raises SIGTERM after its shutdown hooks, so "SIGTERM" is the normal way out.
    if (exit !== 0 && exit !== 'SIGTERM') log(`the server exited with ${exit}`);
  }
}

/** How long until the process has had no child for 200 ms (polled every 50 ms); fails after timeoutMs. */
async function waitForNoChildren(pid, timeoutMs) {
  const started = now();
  let quietSince = null;
  while (now() - started < timeoutMs) {
    if (childPids(pid).length > 0) quietSince = null;
    else {
      quietSince ??= now();
      if (now() - quietSince >= 200) return quietSince - started;
    }
    await sleep(50);
  }
  fail(`the server still had child processes ${seconds(timeoutMs)} after the backup: ${childPids(pid).join(', ')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Report

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ratio = (value) => `${value.toFixed(3)}×`;
const milliseconds = (ms) => `${Math.round(ms)} ms`;
const repositoryStats = (repository) =>
  `archives_count ${repository.archives_count}, original_size ${repository.original_size === null ? 'null' : count(repository.original_size)}, ` +
  `deduplicated_size ${repository.deduplicated_size === null ? 'null' : count(repository.deduplicated_size)}, stats_updated_at ${repository.stats_updated_at}`;

/**
 * The backup part: `--rounds` interleaved pairs, each a plain `borg create` and then the same backup through the
 * API, each into a new repository (a fresh server and data directory for the API). The pairs' ratios API / plain
 * are printed one by one, then the best and the median; memory and SSE figures are those of the first pair.
 */
async function backupBench(options, work) {
  const source = join(work, 'source');
  log(`Generating ${count(options.files)} files…`);
  const generationStarted = now();
  const bytes = generate(source, options.files);
  const generationMs = now() - generationStarted;
  log(`Generated ${count(options.files)} files (${count(bytes)} bytes) in ${seconds(generationMs)}`);
  // Write the new files out before timing anything, so that the first borg run (which fsyncs its repository)
  // does not also pay for flushing the data set.
  const syncStarted = now();
  if (onPath('sync')) runChecked('sync', []);
  const syncMs = now() - syncStarted;
  log(`Flushed to disk (sync) in ${seconds(syncMs)}`);

  const pairs = [];
  for (let round = 1; round <= options.rounds; round++) {
    const roundWork = join(work, `round-${round}`);
    mkdirSync(roundWork);
    log(`Pair ${round}/${options.rounds}: plain borg create (baseline)…`);
    const plain = await plainBackup(roundWork, source);
    log(`Plain borg create took ${seconds(plain.wallMs)} (after reading the data set into the page cache: ${seconds(plain.warmMs)})`);
    log(`Pair ${round}/${options.rounds}: backup through the API…`);
    const api = await apiBackup(roundWork, source);
    log(
      `API backup took ${seconds(api.wallMs)} (after reading the data set into the page cache: ${seconds(api.warmMs)}): ` +
        `${milliseconds(api.around.beforeCreateMs)} before borg create and ${milliseconds(api.around.afterCreateMs)} after it; ` +
        `the server's borg children ended ${seconds(api.backgroundMs)} after the job`,
    );
    const pair = { round, plain, api, ratio: api.wallMs / plain.wallMs, cpuRatio: api.cpuSeconds / plain.cpuSeconds, load: loadAverage() };
    log(
      `Pair ${round}: ratio API / plain ${ratio(pair.ratio)}; CPU ${plain.cpuSeconds.toFixed(2)} s / ${api.cpuSeconds.toFixed(2)} s → ` +
        `${ratio(pair.cpuRatio)} (load average ${pair.load})`,
    );
    pairs.push(pair);
    if (!options.keep) rmSync(roundWork, { recursive: true, force: true });
  }

  const { plain, api } = pairs[0];
  const { memory, sse, job } = api;
  // VmHWM is the process's peak since it started (start-up and the login's argon2 hash included), so it only
  // speaks for the backup when it rose while the backup ran; otherwise the backup's peak is the sampled one.
  const hwmRose = memory.hwmEndKib !== null && memory.hwmEndKib > (memory.hwmBeforeKib ?? 0);
  const peakKib = hwmRose ? Math.max(memory.sampledPeakKib, memory.hwmEndKib) : memory.sampledPeakKib;
  const progress = sse.counts.progress ?? 0;
  const result = job.result ?? {};
  const ratios = pairs.map((pair) => pair.ratio);

  console.log('');
  console.log(`Borgitory benchmark — ${count(options.files)} files, ${pairs.length} interleaved pairs`);
  console.log(
    table([
      ['files', count(options.files)],
      ['data set', `${count(bytes)} bytes in ${Math.ceil(options.files / FILES_PER_DIRECTORY)} directories`],
      ['generation time', `${seconds(generationMs)} (then sync: ${seconds(syncMs)})`],
      ...pairs.map((pair) => [
        `pair ${pair.round}: plain / API (wall, warm cache)`,
        `${seconds(pair.plain.wallMs)} / ${seconds(pair.api.wallMs)} → ${ratio(pair.ratio)} (load average ${pair.load})`,
      ]),
      ['ratio API / plain, best pair', ratio(Math.min(...ratios))],
      ['ratio API / plain, median', ratio(median(ratios))],
      ...pairs.map((pair) => [
        `pair ${pair.round}: CPU plain / API (user + sys)`,
        `${pair.plain.cpuSeconds.toFixed(2)} s / ${pair.api.cpuSeconds.toFixed(2)} s → ${ratio(pair.cpuRatio)}`,
      ]),
      ['CPU ratio API / plain, median', ratio(median(pairs.map((pair) => pair.cpuRatio)))],
      ['API: POST → job finished (SSE done), median', seconds(median(pairs.map((pair) => pair.api.wallMs)))],
      ['plain borg create, median', seconds(median(pairs.map((pair) => pair.plain.wallMs)))],
      ['API: POST → borg create started, median', milliseconds(median(pairs.map((pair) => pair.api.around.beforeCreateMs)))],
      ['API: borg create ended → job finished, median', milliseconds(median(pairs.map((pair) => pair.api.around.afterCreateMs)))],
      ["server's borg children after the job (median)", `ended ${seconds(median(pairs.map((pair) => pair.api.backgroundMs)))} after it`],
      ['repository when the job finished (pair 1)', repositoryStats(api.repository.atDone)],
      ['repository once the server was idle (pair 1)', repositoryStats(api.repository.afterBackground)],
      ['server RSS before backup (pair 1)', mib(memory.beforeKib)],
      [
        'server RSS peak during backup',
        `${mib(peakKib)} (max of ${memory.samples} samples: ${mib(memory.sampledPeakKib)}; ` +
          `VmHWM ${mib(memory.hwmBeforeKib)} before → ${mib(memory.hwmEndKib)} after, ` +
          (hwmRose ? 'rose during the backup)' : 'set before the backup by start-up/login, so not counted)'),
      ],
      ['server RSS after backup', mib(memory.afterKib)],
      ['server RSS growth (peak − before)', signedMib(peakKib - memory.beforeKib)],
      ['server RSS growth (after − before)', signedMib(memory.afterKib - memory.beforeKib)],
      ['server RSS at 0/25/50/75/100 % of the backup', memory.trajectoryKib.map(mib).join(' → ')],
      [
        'server RssAnon before / peak / after',
        `${mib(memory.anonBeforeKib)} / ${mib(memory.anonPeakKib)} / ${mib(memory.anonAfterKib)} ` +
          `(growth ${signedMib(memory.anonPeakKib - memory.anonBeforeKib)}; heap and stacks, without mapped files)`,
      ],
      ['SSE progress events', `${count(progress)} (${(progress / (api.wallMs / 1000)).toFixed(2)}/s over the backup wall time)`],
      [
        'SSE events by type',
        Object.entries(sse.counts)
          .map(([type, n]) => `${type} ${n}`)
          .join(', ') || 'none',
      ],
      ['borg peak RSS (plain run, pair 1)', `${mib(plain.peakKib)} (${plain.method})`],
    ]),
  );
  console.log(`  (load average at the end: ${loadAverage()}; other work on the machine slows both backups)`);
  console.log('');
  console.log(`Job of pair 1: ${job.status}; result: ${JSON.stringify(result)}`);
  console.log(
    `Plain archive of pair 1 (borg info): ${count(plain.stats.files)} files, original size ${count(plain.stats.original_size)} bytes`,
  );
  const allFiles = pairs.every((pair) => pair.api.job.result?.files === options.files && pair.plain.stats.files === options.files);
  if (allFiles) {
    console.log(
      `Every archive holds the ${count(options.files)} files of the data set (${count(bytes)} bytes of file data). ` +
        "borg's original size also counts metadata chunks it wrote during the run (item metadata goes out " +
        '8 MiB at a time), so it exceeds the file data on large archives and differs slightly between the two.',
    );
  } else {
    for (const pair of pairs) {
      console.log(
        `NOTE: pair ${pair.round}: data set ${count(options.files)} files, plain ${pair.plain.stats.files}, API ${pair.api.job.result?.files}.`,
      );
    }
  }
  for (const pair of pairs) {
    if (!pair.api.sse.done) console.log(`NOTE: pair ${pair.round}: the SSE stream did not deliver a \`done\` event.`);
    if (pair.api.job.warnings?.length) console.log(`Warnings (pair ${pair.round}): ${pair.api.job.warnings.join('; ')}`);
  }
  console.log('');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const nxEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

  const onlyBundle = options.parts.size === 1 && options.parts.has('bundle');
  if (!onlyBundle && !onPath('borg')) fail('borg is not on PATH; the benchmark needs it');
  if (options.build) {
    log('Building the API (nx build api)…');
    runChecked(join(root, 'node_modules', '.bin', 'nx'), ['build', 'api', '--output-style=static'], { cwd: root, env: nxEnv });
    if (options.parts.has('bundle')) {
      log('Building the SPA (nx build web)…');
      runChecked(join(root, 'node_modules', '.bin', 'nx'), ['build', 'web', '--output-style=static'], { cwd: root, env: nxEnv });
    }
  }
  const serverEntry = join(root, 'dist', 'apps', 'api', 'main.js');
  if (!existsSync(serverEntry)) fail(`${serverEntry} does not exist; run without --no-build`);

  log(`Machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${borgVersion()}`);
  log(`Load average at start: ${loadAverage()}`);
  const work = mkdtempSync(join(os.tmpdir(), 'borgitory-bench-'));
  log(`Work directory: ${work}`);
  // Ctrl-C: stop the server and borg children, and leave no work directory behind.
  process.once('SIGINT', () => {
    for (const child of liveChildren) child.kill('SIGTERM');
    if (!options.keep) rmSync(work, { recursive: true, force: true });
    process.exit(130);
  });
  try {
    const benches = {
      backup: backupBench,
      'host-backup': (options, work) => hostBackupBench(work, { files: options.hostFiles, rounds: options.rounds }),
      browse: browseBench,
      'job-list': (_options, work) => jobListBench(work),
      'job-filter': (_options, work) => jobFilterBench(work),
      overview: (options, work) => overviewBench(options, work),
      search: searchBench,
      load: loadBench,
      bundle: bundleBench,
    };
    for (const part of options.parts) await benches[part](options, work);
  } finally {
    if (options.keep) log(`Kept ${work}`);
    else {
      log('Removing the work directory…');
      rmSync(work, { recursive: true, force: true });
    }
  }
}

main().catch((error) => {
  const detail = error instanceof BenchFailure ? error.message : (error?.stack ?? String(error));
  const cause = error?.cause ? `\n  cause: ${error.cause.stack ?? error.cause}` : '';
  process.stderr.write(`\n[bench] FAILED: ${detail}${cause}\n`);
  process.exit(1);
});
