// Job list part of `npm run bench`: 200,000 jobs written straight into the database, then GET /api/jobs?limit=50
// timed with no filter, each filter, filters together and deep pages (the figures of the integration spec
// hardening-10-job-history). Plain Node ESM; the one package it loads is the project's own better-sqlite3.
import http from 'node:http';
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, fail, freePort, loadAverage, log, now, PASSWORD, prng, root, seconds, Server, table } from './common.mjs';

const JOB_LIST_JOBS = 200_000;
const REPOSITORIES = 20;
const SCHEDULES = 40;
// Within the default retention (90 days), so that the server's start-up pass removes none of them.
const HISTORY_DAYS = 85;
const ROUNDS = 200;
const TYPES = [
  ['backup', 60],
  ['prune', 10],
  ['check', 10],
  ['compact', 5],
  ['cloud_sync', 5],
  ['restore', 5],
  ['delete_archive', 5],
];
const STATUSES = [
  ['completed', 85],
  ['warning', 8],
  ['failed', 4],
  ['cancelled', 2],
  ['interrupted', 1],
];
const QUERIES = [
  ['no filter', ''],
  ['status=failed', '&status=failed'],
  ['status=completed', '&status=completed'],
  ['type=check', '&type=check'],
  ['repository_id=3', '&repository_id=3'],
  ['schedule_id=7', '&schedule_id=7'],
  ['repository_id=3&status=failed', '&repository_id=3&status=failed'],
  ['repository_id=3&type=prune&status=warning', '&repository_id=3&type=prune&status=warning'],
  ['status=completed&type=backup', '&status=completed&type=backup'],
  ['schedule_id=7&status=failed', '&schedule_id=7&status=failed'],
  ['offset=100000', '&offset=100000'],
  ['status=completed&offset=100000', '&status=completed&offset=100000'],
];

const sqliteTime = (ms) => new Date(ms).toISOString().replace('T', ' ').slice(0, 23);
const pick = (weights, roll) => {
  let left = roll * weights.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of weights) if ((left -= weight) < 0) return value;
  return weights.at(-1)[0];
};

/** The history, in one transaction: scheduled backups with four steps, the rest with one; ids grow with time. */
export function seed(dataDir, jobs) {
  const Database = createRequire(join(root, 'package.json'))('better-sqlite3');
  const db = new Database(join(dataDir, 'borgitory.db'));
  const random = prng(0x10b5);
  const insertJob = db.prepare(
    `INSERT INTO jobs (type, status, repository_id, schedule_id, parameters, "trigger", created_at, started_at, finished_at, result, warnings, error_code, error_message)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?)`,
  );
  const insertStep = db.prepare(
    'INSERT INTO job_steps (job_id, position, type, status, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const span = HISTORY_DAYS * 24 * 60 * 60 * 1000;
  const start = Date.now() - span;
  mkdirSync(join(dataDir, 'jobs'), { recursive: true });
  db.transaction(() => {
    for (let i = 0; i < jobs; i++) {
      const type = pick(TYPES, random());
      const status = pick(STATUSES, random());
      const scheduleId = type === 'backup' && random() < 0.7 ? 1 + Math.floor(random() * SCHEDULES) : null;
      const repositoryId = scheduleId !== null ? ((scheduleId - 1) % REPOSITORIES) + 1 : 1 + Math.floor(random() * REPOSITORIES);
      const created = start + Math.floor((i / jobs) * span);
      const finished = created + 1000 + Math.floor(random() * 600_000);
      const failed = status === 'failed';
      const { lastInsertRowid: id } = insertJob.run(
        type,
        status,
        repositoryId,
        scheduleId,
        JSON.stringify(type === 'backup' ? { source_paths: ['/srv/data'], archive_name: `archive-${i}`, compression: 'lz4' } : {}),
        scheduleId ? 'schedule' : 'manual',
        sqliteTime(created),
        sqliteTime(created + 200),
        sqliteTime(finished),
        failed ? null : JSON.stringify({ files: Math.floor(random() * 100_000), duration_seconds: 12.5 }),
        failed ? 'BORG_ERROR' : null,
        failed ? 'borg create failed: Failed to create/acquire the lock' : null,
      );
      const steps = scheduleId ? ['backup', 'prune', 'compact', 'check'] : [type];
      steps.forEach((step, index) => insertStep.run(id, index + 1, step, status, sqliteTime(created), sqliteTime(finished)));
      if (i % 50 === 0)
        writeFileSync(join(dataDir, 'jobs', `${id}.log`), `${sqliteTime(created)} INFO Step 1/${steps.length}: ${type} started\n`);
    }
  })();
  db.close();
}

/**
 * GETs over one kept-alive connection, the paths taken in turn; p50 and p90 per path, in ms. `pathOf(path, round)`
 * may vary a path from round to round; the first `warmUp` rounds are not timed.
 */
export async function timeGets(server, paths, cookie, pathOf = (path) => path, warmUp = 5) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path) =>
    new Promise((resolve, reject) => {
      const started = now();
      const request = http.get({ host: '127.0.0.1', port: server.port, path, agent, headers: { cookie } }, (response) => {
        response.resume();
        response.on('end', () =>
          response.statusCode === 200 ? resolve(now() - started) : reject(new Error(`GET ${path}: HTTP ${response.statusCode}`)),
        );
      });
      request.on('error', reject);
    });
  const times = paths.map(() => []);
  for (let round = -warmUp; round < ROUNDS; round++) {
    for (const [index, path] of paths.entries()) {
      const ms = await get(pathOf(path, round));
      if (round >= 0) times[index].push(ms);
    }
  }
  agent.destroy();
  return times.map((list) => {
    list.sort((a, b) => a - b);
    return { p50: list[Math.floor(list.length / 2)], p90: list[Math.floor(list.length * 0.9)] };
  });
}

/** The path with its offset (0 when it has none) moved on by `by`; other paths unchanged. */
export function shiftOffset(path, by) {
  if (!path.startsWith('/api/jobs?')) return path;
  const url = new URL(path, 'http://localhost');
  url.searchParams.set('offset', String(Number(url.searchParams.get('offset') ?? 0) + by));
  return `${url.pathname}${url.search}`;
}

/** The job list part: seeds JOB_LIST_JOBS jobs, then times the list as the jobs page and the API's clients ask for it. */
export async function jobListBench(work) {
  log(`Job list: ${count(JOB_LIST_JOBS)} jobs (load average ${loadAverage()})`);
  const dataName = 'job-list-data';
  let server = new Server(work, await freePort(), { dataName });
  await server.waitHealthy();
  await server.setup();
  await server.stop();

  const seeding = now();
  seed(join(work, dataName), JOB_LIST_JOBS);
  log(`Seeded ${count(JOB_LIST_JOBS)} jobs over ${HISTORY_DAYS} days in ${seconds(now() - seeding)}`);

  server = new Server(work, await freePort(), { dataName });
  try {
    await server.waitHealthy();
    const { response } = await server.request('POST', '/api/auth/login', { body: { username: 'bench', password: PASSWORD } });
    const cookie = (response.headers['set-cookie'] ?? []).map((header) => header.split(';')[0]).join('; ');
    const { data } = await server.request('GET', '/api/jobs?limit=1', { cookie });
    if (!Array.isArray(data) || data.length !== 1) fail('GET /api/jobs?limit=1 did not answer one job');
    const paths = ['/api/health', ...QUERIES.map(([, query]) => `/api/jobs?limit=50${query}`)];
    // The server keeps pages until its database changes (VersionedCache, 64 pages). Moving each list's offset on by
    // one each round, through ten values, asks for 130 different pages in turn: each is read from the database.
    const read = await timeGets(server, paths, cookie, (path, round) => shiftOffset(path, (round + 10) % 10));
    const kept = await timeGets(server, paths, cookie);
    const labels = ['GET /api/health (for comparison)', ...QUERIES.map(([name]) => `GET /api/jobs?limit=50 ${name}`)];
    const cell = ({ p50, p90 }) => `${p50.toFixed(2)} / ${p90.toFixed(2)} ms`;
    console.log('');
    console.log(`Job list — ${count(JOB_LIST_JOBS)} jobs, ${ROUNDS} rounds over one kept-alive connection (p50 / p90)`);
    const columns = (first, second) => `${first.padEnd(24)}  ${second}`;
    console.log(
      table([
        ['', columns('read from the database', 'page kept (database unchanged)')],
        ['', columns('(offset + 0…9 in turn)', '')],
        ...labels.map((label, index) => [label, columns(cell(read[index]), cell(kept[index]))]),
      ]),
    );
    console.log(`  (load average at the end: ${loadAverage()})`);
    console.log('');
  } finally {
    const exit = await server.stop();
    if (exit !== 0 && exit !== 'SIGTERM') log(`the server exited with ${exit}`);
  }
}
