// Overview part of `npm run bench`: 50 repositories with 10,000 archives between them, a year of job history and a
// schedule each, written straight into the database the server's own migrations made; then GET /api/overview (the
// dashboard) and GET /metrics (a Prometheus scrape, with the bearer token) timed over many calls. Plain Node ESM; the
// one package it loads is the project's own better-sqlite3.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { printProfileSummary, readCpuProfile, summariseCpuProfile } from './cpu-profile.mjs';
import {
  count,
  fail,
  freePort,
  loadAverage,
  log,
  now,
  PASSWORD,
  prng,
  root,
  seconds,
  Server,
  sleep,
  table,
  timeWithCpu,
} from './common.mjs';

const REPOSITORIES = 50;
const ARCHIVES = 10_000;
const JOBS = 20_000;
const ROUNDS = 500;
const WARM_UP = 20;
const TIMING = { rounds: ROUNDS, warmUp: WARM_UP };
// Within the default retention (90 days), so that the server's start-up pass removes none of them.
const HISTORY_DAYS = 85;
/** The newest jobs, about 1.5 days' worth: their failures and warnings nobody has acknowledged yet. */
const UNACKNOWLEDGED_WINDOW = 400;
const METRICS_TOKEN = 'bench-metrics-token-0123456789abcdef';
const GOAL_MS = 10;

const sqliteTime = (ms) => new Date(ms).toISOString().replace('T', ' ').slice(0, 23);

/**
 * The repositories (every fifth overdue, every seventh low on space), their archives (ARCHIVES / REPOSITORIES each,
 * a day apart, the newest within the last day) and the catalog rows that say their lists were read, backups and
 * other jobs over HISTORY_DAYS (4 % failed, 6 % warnings, all acknowledged but those of the last 1.5 days), and one schedule each.
 */
function seed(dataDir, work) {
  const Database = createRequire(join(root, 'package.json'))('better-sqlite3');
  const db = new Database(join(dataDir, 'borgitory.db'));
  const random = prng(0x0e1e);
  const nowMs = Date.now();
  const day = 24 * 60 * 60 * 1000;
  const perRepository = ARCHIVES / REPOSITORIES;
  const insertRepository = db.prepare(
    `INSERT INTO repositories (name, path, encryption, archives_count, original_size, compressed_size, deduplicated_size,
       last_archive_at, stats_updated_at, max_age_hours, newest_archive_at, overdue_since, archive_expected_by, expectation,
       low_space_since, created_at, updated_at)
     VALUES (?, ?, 'none', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertArchive = db.prepare(
    `INSERT INTO archives (repository_id, name, borg_id, started_at, ended_at, hostname, username, comment, command_line,
       file_count, original_size, compressed_size, deduplicated_size, duration_seconds, info_loaded_at)
     VALUES (?, ?, ?, ?, ?, 'bench', 'bench', '', '["borg","create"]', ?, ?, ?, ?, ?, ?)`,
  );
  const insertCatalog = db.prepare('INSERT INTO archive_catalogs (repository_id, refreshed_at) VALUES (?, ?)');
  const insertSchedule = db.prepare(
    `INSERT INTO schedules (name, repository_id, source_paths, archive_name, compression, exclude_patterns, cron_expression, timezone,
       enabled, pre_hooks, post_hooks, handled_until, active_since, created_at, updated_at)
     VALUES (?, ?, '["/srv/data"]', '{hostname}-{now}', 'lz4', '[]', ?, 'UTC', 1, '[]', '[]', ?, ?, ?, ?)`,
  );
  const insertJob = db.prepare(
    `INSERT INTO jobs (type, status, repository_id, schedule_id, parameters, "trigger", created_at, started_at, finished_at, result,
       warnings, error_code, error_message, acknowledged_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, '[]', ?, ?, ?)`,
  );
  const insertStep = db.prepare(
    'INSERT INTO job_steps (job_id, position, type, status, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let r = 1; r <= REPOSITORIES; r++) {
      const newest = nowMs - Math.floor(random() * day);
      const overdue = r % 5 === 0;
      const newestArchive = overdue ? newest - 3 * day : newest;
      const original = Math.floor(random() * 500 * 2 ** 30);
      const { lastInsertRowid: id } = insertRepository.run(
        `Repository ${String(r).padStart(2, '0')}`,
        join(work, 'repositories', `repo-${r}`),
        perRepository,
        original,
        Math.floor(original * 0.6),
        Math.floor(original * 0.2),
        sqliteTime(newestArchive),
        sqliteTime(nowMs),
        overdue ? 24 : null,
        sqliteTime(newestArchive),
        overdue ? sqliteTime(newestArchive + day) : null,
        overdue ? sqliteTime(newestArchive + day) : sqliteTime(newestArchive + 25 * 60 * 60 * 1000),
        'One after each run of schedule "Nightly", within 1 hour',
        r % 7 === 0 ? sqliteTime(nowMs - day) : null,
        sqliteTime(nowMs - 400 * day),
        sqliteTime(nowMs - 400 * day),
      );
      for (let a = 0; a < perRepository; a++) {
        const started = newestArchive - (perRepository - 1 - a) * day;
        insertArchive.run(
          id,
          `archive-${r}-${a}`,
          (r * 100_000 + a).toString(16).padStart(64, '0'),
          sqliteTime(started),
          sqliteTime(started + 60_000),
          Math.floor(random() * 100_000),
          Math.floor(random() * 2 ** 30),
          Math.floor(random() * 2 ** 29),
          Math.floor(random() * 2 ** 24),
          60,
          sqliteTime(started + 60_000),
        );
      }
      insertCatalog.run(id, sqliteTime(nowMs));
      insertSchedule.run(
        `Nightly ${r}`,
        id,
        `${r % 60} 3 * * *`,
        sqliteTime(nowMs),
        sqliteTime(nowMs - day),
        sqliteTime(nowMs - day),
        sqliteTime(nowMs - day),
      );
    }
    const span = HISTORY_DAYS * day;
    for (let i = 0; i < JOBS; i++) {
      const repositoryId = 1 + Math.floor(random() * REPOSITORIES);
      const roll = random();
      const type = roll < 0.8 ? 'backup' : roll < 0.9 ? 'prune' : 'check';
      const outcome = random();
      const status = outcome < 0.04 ? 'failed' : outcome < 0.1 ? 'warning' : 'completed';
      const created = nowMs - span + Math.floor((i / JOBS) * span);
      const finished = created + 1000 + Math.floor(random() * 600_000);
      const problem = status !== 'completed';
      const { lastInsertRowid: id } = insertJob.run(
        type,
        status,
        repositoryId,
        type === 'backup' ? repositoryId : null,
        '{}',
        type === 'backup' ? 'schedule' : 'manual',
        sqliteTime(created),
        sqliteTime(created + 200),
        sqliteTime(finished),
        status === 'failed' ? 'BORG_ERROR' : null,
        status === 'failed' ? 'borg create failed: Failed to create/acquire the lock' : null,
        problem && i < JOBS - UNACKNOWLEDGED_WINDOW ? sqliteTime(finished + 60_000) : null,
      );
      insertStep.run(id, 1, type, status, sqliteTime(created), sqliteTime(finished));
    }
  })();
  db.close();
}

/**
 * At start-up the server reads every archive list again with borg; here each reading fails (the paths do not exist),
 * which leaves the stored lists as they are and marks the repository unreachable. Once all are marked, the marks are
 * cleared (as a later successful reading would), so that the verdicts are the seeded mix rather than 50 "failed";
 * the next reading is BORGITORY_ARCHIVE_REFRESH_MINUTES (15) away.
 */
async function settleStartUpReadings(dataDir, timeoutMs = 300_000) {
  const Database = createRequire(join(root, 'package.json'))('better-sqlite3');
  const db = new Database(join(dataDir, 'borgitory.db'));
  try {
    const started = now();
    const marked = db.prepare('SELECT COUNT(*) FROM repositories WHERE unreachable_since IS NOT NULL').pluck();
    while (marked.get() < REPOSITORIES) {
      if (now() - started > timeoutMs) fail(`the start-up readings did not end within ${seconds(timeoutMs)}`);
      await sleep(200);
    }
    db.prepare('UPDATE repositories SET unreachable_since = NULL').run();
    return now() - started;
  } finally {
    db.close();
  }
}

function printOverviewProfile(profileDir, measured) {
  const files = existsSync(profileDir) ? readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile')) : [];
  if (files.length !== 1) return log(`expected one .cpuprofile in ${profileDir}, found ${files.length}`);
  const file = join(profileDir, files[0]);
  const profile = readCpuProfile(file);
  console.log(`Server CPU profile (node --cpu-prof; ${file}), cut to the measured calls:`);
  for (const [title, result] of measured) printProfileSummary(title, summariseCpuProfile(profile, [result.window]), { top: 20 });
}

export async function overviewBench(options, work) {
  log(`Overview: ${REPOSITORIES} repositories, ${count(ARCHIVES)} archives, ${count(JOBS)} jobs (load average ${loadAverage()})`);
  const dataName = 'overview-data';
  const env = { BORGITORY_METRICS_TOKEN: METRICS_TOKEN };
  let server = new Server(work, await freePort(), { dataName, env });
  await server.waitHealthy();
  await server.setup();
  await server.stop();

  const seeding = now();
  seed(join(work, dataName), work);
  log(`Seeded in ${seconds(now() - seeding)}`);

  const profileDir = options.profileServer ? join(work, 'overview-profile') : null;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  server = new Server(work, await freePort(), { dataName, env, nodeArgs });
  let measured = [];
  try {
    // Beside 50 borg processes reading the archive lists, `borg --version` can fail on a busy machine, and the health
    // check keeps that answer for a minute.
    await server.waitHealthy(180_000);
    const settledMs = await settleStartUpReadings(join(work, dataName));
    log(`The start-up readings of the archive lists ended after ${seconds(settledMs)}`);
    const { response } = await server.request('POST', '/api/auth/login', { body: { username: 'bench', password: PASSWORD } });
    const cookie = (response.headers['set-cookie'] ?? []).map((header) => header.split(';')[0]).join('; ');
    const { data } = await server.request('GET', '/api/overview', { cookie });
    if (data.repositories.length !== REPOSITORIES || data.totals.archives !== ARCHIVES || data.totals.healthy === 0) {
      fail(
        `GET /api/overview answered ${data.repositories.length} repositories, ${data.totals.archives} archives: ${JSON.stringify(data.totals)}`,
      );
    }
    const health = await timeWithCpu(server, '/api/health', { cookie }, TIMING);
    // The server keeps its last answer while its database is unchanged: a write from this process before each call
    // (a time the overview does not show, changed: rewriting a row as it is does not count as a change) makes every
    // answer read from the database.
    const Database = createRequire(join(root, 'package.json'))('better-sqlite3');
    const db = new Database(join(work, dataName, 'borgitory.db'));
    const update = db.prepare('UPDATE archive_catalogs SET refreshed_at = ? WHERE repository_id = 1');
    let writes = 0;
    const touch = () => update.run(sqliteTime(Date.now() + ++writes));
    const overviewRead = await timeWithCpu(server, '/api/overview', { cookie }, { ...TIMING, before: touch });
    const metrics = await timeWithCpu(server, '/metrics', { authorization: `Bearer ${METRICS_TOKEN}` }, { ...TIMING, before: touch });
    db.close();
    const overview = await timeWithCpu(server, '/api/overview', { cookie }, TIMING);
    measured = [
      ['GET /api/overview, read from the database', overviewRead],
      ['GET /metrics', metrics],
    ];
    const cell = ({ p50, p95, max, cpuMs }) =>
      `${p50.toFixed(2)} / ${p95.toFixed(2)} / ${max.toFixed(2)} ms   (server CPU ${cpuMs.toFixed(2)} ms a call)`;
    const { totals } = data;
    console.log('');
    console.log(
      `Overview — ${REPOSITORIES} repositories, ${count(ARCHIVES)} archives, ${count(JOBS)} jobs; ${ROUNDS} calls each over one kept-alive connection (p50 / p95 / max)`,
    );
    console.log(
      table([
        ['GET /api/health (for comparison)', cell(health)],
        [`GET /api/overview (${(overview.bytes / 1024).toFixed(0)} KiB), read from the database`, cell(overviewRead)],
        ['GET /api/overview, answer kept (database unchanged)', cell(overview)],
        [`GET /metrics, bearer token (${(metrics.bytes / 1024).toFixed(0)} KiB)`, cell(metrics)],
        ['verdicts', `${totals.failed} failed, ${totals.overdue} overdue, ${totals.warning} warning, ${totals.healthy} healthy`],
        ['goal', `GET /api/overview read from the database, p95 ≤ ${GOAL_MS} ms: ${overviewRead.p95 <= GOAL_MS ? 'met' : 'MISSED'}`],
      ]),
    );
    console.log(`  (load average at the end: ${loadAverage()})`);
    console.log('');
  } finally {
    const exit = await server.stop();
    if (exit !== 0 && exit !== 'SIGTERM') log(`the server exited with ${exit}`);
  }
  if (profileDir) printOverviewProfile(profileDir, measured);
}
