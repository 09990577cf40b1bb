// Job filter part of `npm run bench`: 100,000 jobs written straight into the database (the job list part's history),
// then GET /api/jobs with the shared filter syntax (sets, a creation range, a sort) timed, and SQLite's plan of the
// page and count queries printed. The first query's p50, read from the database, must be at most 5 ms.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { count, fail, freePort, loadAverage, log, now, PASSWORD, root, seconds, Server, table } from './common.mjs';
import { seed, shiftOffset, timeGets } from './job-list.mjs';

const JOB_FILTER_JOBS = 100_000;
const DAY_MS = 24 * 60 * 60 * 1000;
const BUDGET_MS = 5;
const WARM_UP_ROUNDS = 200;

/** The queries, with a creation bound 30 days back (of the 85 the history spans). */
function queries(after, before) {
  return [
    [
      'status=failed,warning&type=backup&created_after=…&sort=-created_at',
      `&status=failed,warning&type=backup&created_after=${after}&sort=-created_at`,
    ],
    ['status=failed,warning&type=backup&repository_id=1,2', '&status=failed,warning&type=backup&repository_id=1,2'],
    ['created_after=…&created_before=… (10 days)', `&created_after=${after}&created_before=${before}`],
    ['type=check&sort=-finished_at', '&type=check&sort=-finished_at'],
    ['status=completed,warning&sort=started_at', '&status=completed,warning&sort=started_at'],
  ];
}

/**
 * SQLite's plan of the first query's page and count, as JobStore runs them (job-list-query.ts; the integration spec
 * list-filtering checks the server's own statements).
 */
function plans(dataDir, after) {
  const Database = createRequire(join(root, 'package.json'))('better-sqlite3');
  const db = new Database(join(dataDir, 'borgitory.db'), { readonly: true });
  const time = after.replace('T', ' ').slice(0, 23);
  const where = `WHERE "status" IN (?, ?) AND "type" = ? AND "created_at" >= ?`;
  const parameters = ['failed', 'warning', 'backup', time];
  const plan = (sql, values) =>
    db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...values)
      .map((row) => row.detail)
      .join(' | ');
  const result = {
    page: plan(`SELECT id FROM jobs ${where} ORDER BY "created_at" DESC, "id" DESC LIMIT ? OFFSET ?`, [...parameters, 50, 0]),
    count: plan(`SELECT COUNT(*) AS total FROM jobs ${where}`, parameters),
  };
  db.close();
  return result;
}

export async function jobFilterBench(work) {
  log(`Job filters: ${count(JOB_FILTER_JOBS)} jobs (load average ${loadAverage()})`);
  const dataName = 'job-filter-data';
  let server = new Server(work, await freePort(), { dataName });
  await server.waitHealthy();
  await server.setup();
  await server.stop();

  const seeding = now();
  seed(join(work, dataName), JOB_FILTER_JOBS);
  log(`Seeded ${count(JOB_FILTER_JOBS)} jobs in ${seconds(now() - seeding)}`);
  const after = new Date(Date.now() - 30 * DAY_MS).toISOString();
  const before = new Date(Date.now() - 20 * DAY_MS).toISOString();
  const cases = queries(after, before);

  server = new Server(work, await freePort(), { dataName });
  let read;
  try {
    await server.waitHealthy();
    const { response } = await server.request('POST', '/api/auth/login', { body: { username: 'bench', password: PASSWORD } });
    const cookie = (response.headers['set-cookie'] ?? []).map((header) => header.split(';')[0]).join('; ');
    const paths = ['/api/health', ...cases.map(([, query]) => `/api/jobs?limit=50${query}`)];
    for (const path of paths.slice(1)) {
      const { data, json } = await server.request('GET', path, { cookie });
      if (!Array.isArray(data) || data.length === 0) fail(`${path} answered no jobs`);
      log(`${path.replace(after, '…').replace(before, '…')}: ${count(json.meta.total)} jobs match`);
    }
    // Pages are kept until the database changes (64 of them): each list's offset moves on by one each round through
    // twenty values, 100 pages asked for in turn, so that each answer is read from SQLite. A server just started runs
    // its first thousand requests up to 40 % slower (V8 still compiling, the heap still growing): 200 rounds (1,200
    // requests) warm it up first, as days of use would.
    read = await timeGets(server, paths, cookie, (path, round) => shiftOffset(path, ((round % 20) + 20) % 20), WARM_UP_ROUNDS);
    const kept = await timeGets(server, paths, cookie);
    const cell = ({ p50, p90 }) => `${p50.toFixed(2)} / ${p90.toFixed(2)} ms`;
    const labels = ['GET /api/health (for comparison)', ...cases.map(([name]) => `GET /api/jobs?limit=50&${name}`)];
    console.log('');
    console.log(`Job filters — ${count(JOB_FILTER_JOBS)} jobs, 200 rounds over one kept-alive connection (p50 / p90)`);
    console.log(
      table([
        ['', `${'read from the database'.padEnd(24)}  page kept`],
        ...labels.map((label, index) => [label, `${cell(read[index]).padEnd(24)}  ${cell(kept[index])}`]),
      ]),
    );
  } finally {
    const exit = await server.stop();
    if (exit !== 0 && exit !== 'SIGTERM') log(`the server exited with ${exit}`);
  }
  const { page, count: total } = plans(join(work, dataName), after);
  console.log(`  plan of the first query's page:  ${page}`);
  console.log(`  plan of its count:               ${total}`);
  console.log(`  (load average at the end: ${loadAverage()})`);
  console.log('');
  const p50 = read[1].p50;
  if (p50 > BUDGET_MS) fail(`GET /api/jobs?${cases[0][0]}: p50 ${p50.toFixed(2)} ms, over ${BUDGET_MS} ms`);
  log(`GET /api/jobs?${cases[0][0]}: p50 ${p50.toFixed(2)} ms, within ${BUDGET_MS} ms`);
}
