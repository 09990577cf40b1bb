// `npm run bench`: its parts run one after the other, each with its own server on a fresh data directory:
//   backup    one large backup through plain borg and through the API, with wall times and server memory (here);
//   browse    browsing an archive of 1,000,000 files (browse.mjs);
//   job-list  listing 200,000 jobs with and without filters (job-list.mjs);
//   load      requests/s and latency of busy routes under 100 connections, idle and during a backup (load.mjs);
//   bundle    the JavaScript a browser fetches to show the dashboard, in chromium (bundle.mjs).
// Prints figures; it is not a test. Plain Node ESM (browse.mjs and job-list.mjs also load the project's
// better-sqlite3, load.mjs autocannon and better-sqlite3, bundle.mjs playwright-core).
//
//   npm run bench -- [--only PART[,PART]] [--no-backup] [--no-browse] [--no-job-list] [--no-load] [--no-bundle] [--files N]
//                    [--browse-files N] [--fresh-repo] [--load-files N] [--load-seconds N] [--load-connections N]
//                    [--cache-dir DIR] [--profile-server] [--no-build] [--keep]
//
// See docs/benchmarks.md for what the figures mean and the last recorded runs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import {
  BenchFailure,
  borgVersion,
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
} from './common.mjs';
import { browseBench, DEFAULT_BROWSE_FILES, MIN_BROWSE_FILES } from './browse.mjs';
import { bundleBench } from './bundle.mjs';
import { jobListBench } from './job-list.mjs';
import { DEFAULT_LOAD_CONNECTIONS, DEFAULT_LOAD_FILES, DEFAULT_LOAD_SECONDS, loadBench } from './load.mjs';

// ---------------------------------------------------------------------------------------------------------------
// Arguments

/** In the order they run. */
const PARTS = ['backup', 'browse', 'job-list', 'load', 'bundle'];

const USAGE =
  'Usage: npm run bench -- [--only PART[,PART]] [--no-backup] [--no-browse] [--no-job-list] [--no-load] [--no-bundle] [--files N] ' +
  '[--browse-files N] [--fresh-repo] [--load-files N] [--load-seconds N] [--load-connections N] [--cache-dir DIR] ' +
  `[--profile-server] [--no-build] [--keep]   (parts: ${PARTS.join(', ')})`;

function parseArgs(argv) {
  const options = {
    parts: new Set(PARTS),
    files: 200_000,
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
  return { wallMs, peakKib, method, warmMs, stats: { files: stats.nfiles, original_size: stats.original_size } };
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
    try {
      const started = now();
      ({ data: job } = await server.request('POST', '/api/backups/manual', {
        body: { repository_id: repository.id, source_path: source, compression: 'lz4' },
        cookie,
        expected: 201,
      }));
      stream = followStream(server, `/api/jobs/${job.id}/stream`, cookie);
      const finished = new Set(['completed', 'warning', 'failed', 'cancelled', 'interrupted']);
      while (!finished.has(job.status)) {
        if (server.exited !== null) fail(`the server exited (${server.exited}) during the backup:\n${server.tail()}`);
        await sleep(250);
        ({ data: job } = await server.request('GET', `/api/jobs/${job.id}`, { cookie }));
      }
      wallMs = now() - started;
    } finally {
      clearInterval(sampler);
    }
    const after = procMemory(server.pid);
    samples.push(after.rss);
    anonSamples.push(after.anon);
    await stream.close();

    if (job.status !== 'completed' && job.status !== 'warning') {
      const { data: logPage } = await server.request('GET', `/api/jobs/${job.id}/logs?limit=1000`, { cookie });
      const lines = (logPage?.lines ?? []).slice(-20).map((line) => `  ${line.level}: ${line.message}`);
      fail(`the API backup ended "${job.status}": ${JSON.stringify(job.error)}\n${lines.join('\n')}`);
    }
    return {
      job,
      wallMs,
      warmMs,
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
      server,
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Report

/** The backup part: plain borg create, then the same backup through the API. */
async function backupBench(options, work) {
  let server = null;
  try {
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

    log('Plain borg create (baseline)…');
    const plain = await plainBackup(work, source);
    log(`Plain borg create took ${seconds(plain.wallMs)} (after reading the data set into the page cache: ${seconds(plain.warmMs)})`);

    log('Backup through the API…');
    const api = await apiBackup(work, source);
    server = api.server;
    log(`API backup took ${seconds(api.wallMs)} (after reading the data set into the page cache: ${seconds(api.warmMs)})`);

    const { memory, sse, job } = api;
    // VmHWM is the process's peak since it started (start-up and the login's argon2 hash included), so it only
    // speaks for the backup when it rose while the backup ran; otherwise the backup's peak is the sampled one.
    const hwmRose = memory.hwmEndKib !== null && memory.hwmEndKib > (memory.hwmBeforeKib ?? 0);
    const peakKib = hwmRose ? Math.max(memory.sampledPeakKib, memory.hwmEndKib) : memory.sampledPeakKib;
    const progress = sse.counts.progress ?? 0;
    const result = job.result ?? {};

    console.log('');
    console.log(`Borgitory benchmark — ${count(options.files)} files`);
    console.log(
      table([
        ['files', count(options.files)],
        ['data set', `${count(bytes)} bytes in ${Math.ceil(options.files / FILES_PER_DIRECTORY)} directories`],
        ['generation time', `${seconds(generationMs)} (then sync: ${seconds(syncMs)})`],
        ['plain borg create (wall, warm cache)', seconds(plain.wallMs)],
        ['API backup (wall, warm cache, POST → job finished)', seconds(api.wallMs)],
        ['ratio API / plain', `${(api.wallMs / plain.wallMs).toFixed(2)}×`],
        ['server RSS before backup', mib(memory.beforeKib)],
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
        ['borg peak RSS (plain run)', `${mib(plain.peakKib)} (${plain.method})`],
      ]),
    );
    console.log(`  (load average at the end: ${loadAverage()}; other work on the machine slows both backups)`);
    console.log('');
    console.log(`Job ${job.id}: ${job.status}; result: ${JSON.stringify(result)}`);
    console.log(`Plain archive (borg info): ${count(plain.stats.files)} files, original size ${count(plain.stats.original_size)} bytes`);
    if (result.files === options.files && plain.stats.files === options.files) {
      console.log(
        `Both archives hold the ${count(options.files)} files of the data set (${count(bytes)} bytes of file data). ` +
          "borg's original size also counts metadata chunks it wrote during the run (item metadata goes out " +
          '8 MiB at a time), so it exceeds the file data on large archives and differs slightly between the two.',
      );
    } else {
      console.log(`NOTE: the file counts differ: data set ${count(options.files)}, plain ${plain.stats.files}, API ${result.files}.`);
    }
    if (!sse.done) console.log('NOTE: the SSE stream did not deliver a `done` event.');
    if (job.warnings?.length) console.log(`Warnings: ${job.warnings.join('; ')}`);
    console.log('');
  } finally {
    if (server) {
      log('Stopping the server (SIGTERM)…');
      const exit = await server.stop();
      // Nest re-raises SIGTERM after its shutdown hooks, so "SIGTERM" is the normal way out.
      if (exit !== 0 && exit !== 'SIGTERM') log(`the server exited with ${exit}`);
    }
  }
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
      browse: browseBench,
      'job-list': (_options, work) => jobListBench(work),
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
