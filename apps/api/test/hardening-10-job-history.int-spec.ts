import { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { freePort } from '@borgitory/borg-runner/testing';
import Database from 'better-sqlite3';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { JobExecutorRegistry } from '../src/jobs/job-executor-registry';
import { JobRetention } from '../src/jobs/job-retention';
import { JobFilter, jobCountQuery, jobPageQuery } from '../src/jobs/job-list-query';
import { MIGRATIONS } from '../src/migrations';
import { DATABASE_FILE } from '../src/platform/database/database-options';
import { SleepingExecutor, waitUntil } from './support/job-executors';
import { seedJobHistory, sqliteTime, timeGets, Timing } from './support/job-history';
import { exited, startServerProcess } from './support/server-process';
import { ADMIN, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(300_000);

const JOBS = Number(process.env.JOB_HISTORY_JOBS ?? 200_000);
const DAY_MS = 24 * 60 * 60 * 1000;
/** The goal of the issue, on a quiet machine. */
const P50_LIMIT_MS = 5;
/** Deep pages walk the index entries they skip (SQLite cannot jump to the n-th one). */
const DEEP_P50_LIMIT_MS = 2 * P50_LIMIT_MS;
/**
 * When other test workers already slow every request down (the health check's p50 shows it), a list may take this
 * many times the health check instead. Unfixed, lists took 10 to 1,000 times as long as the health check.
 */
const HEALTH_FACTOR = 3;
const SAMPLES = Number(process.env.JOB_LIST_SAMPLES ?? 200);
/**
 * The longest the event loop may stall while old jobs are removed. Batches aim at 10 ms; the bound leaves room for
 * garbage collection and for other test workers taking the CPU, and still catches removal in one go (about 8 s).
 */
const LOOP_STALL_LIMIT_MS = 1000;
const RETENTION_DAYS = 365;

/** What the lists are asked for: no filter, each filter, filters together, and deep pages. */
const QUERIES: Array<{ name: string; query: Record<string, string | number> }> = [
  { name: 'no filter', query: {} },
  { name: 'status=failed', query: { status: 'failed' } },
  { name: 'status=completed', query: { status: 'completed' } },
  { name: 'type=check', query: { type: 'check' } },
  { name: 'repository_id=3', query: { repository_id: 3 } },
  { name: 'schedule_id=7', query: { schedule_id: 7 } },
  { name: 'repository_id=3&status=failed', query: { repository_id: 3, status: 'failed' } },
  { name: 'repository_id=3&type=prune&status=warning', query: { repository_id: 3, type: 'prune', status: 'warning' } },
  { name: 'status=completed&type=backup', query: { status: 'completed', type: 'backup' } },
  { name: 'schedule_id=7&status=failed', query: { schedule_id: 7, status: 'failed' } },
  { name: 'offset=100000', query: { offset: 100_000 } },
  { name: 'status=completed&offset=100000', query: { status: 'completed', offset: 100_000 } },
];

const COLUMNS: Record<string, string> = { status: 'status', type: 'type', repository_id: 'repository_id', schedule_id: 'schedule_id' };

function filterOf(query: Record<string, string | number>): JobFilter {
  return {
    status: query.status as JobFilter['status'],
    type: query.type as JobFilter['type'],
    repositoryId: query.repository_id as number | undefined,
    scheduleId: query.schedule_id as number | undefined,
  };
}

/** SQLite's plan for a statement, one line per step. */
function planOf(db: Database.Database, sql: string, parameters: Array<string | number>): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as Array<{ detail: string }>).map((row) => row.detail);
}

function openDatabase(dataDir: string): Database.Database {
  return new Database(join(dataDir, DATABASE_FILE));
}

describe('item 10: a long job history stays fast and is trimmed', () => {
  let work: string;
  let dataDir: string;
  const now = new Date();
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  /** Jobs the spec adds beside the seeded history, by what retention must do with them. */
  const special: Record<string, number> = {};

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'borgitory-history-'));
    dataDir = join(work, 'data');
    const schema = new DataSource({ type: 'better-sqlite3', database: join(dataDir, DATABASE_FILE), migrations: MIGRATIONS, migrationsTransactionMode: 'each' });
    await schema.initialize();
    await schema.runMigrations();
    await schema.destroy();

    const seeded = Date.now();
    seedJobHistory(dataDir, { jobs: JOBS, now: daysAgo(0.01), days: 730, logEvery: 50 });
    process.stdout.write(`Seeded ${JOBS} jobs in ${Date.now() - seeded} ms\n`);

    // A repository whose jobs are all old: its newest stays.
    addJob('lonelyRepositoryOldest', 'completed', 21, null, daysAgo(1200));
    addJob('lonelyRepositoryNewest', 'failed', 21, null, daysAgo(1100));
    // A schedule (of a busy repository) whose runs are all old: its newest stays.
    addJob('lonelyScheduleOldest', 'completed', 5, 41, daysAgo(1000));
    addJob('lonelyScheduleNewest', 'completed', 5, 41, daysAgo(900));
    // On repository 500: an old finished job, and the newest, recent one.
    addJob('oldFinished', 'completed', 500, null, daysAgo(798));
    addJob('recentFinished', 'completed', 500, null, daysAgo(1));
  });

  /** A check job (one step, a log file) the spec tracks by name. */
  function addJob(name: string, status: string, repositoryId: number, scheduleId: number | null, created: Date, parameters: object = {}): void {
    const db = openDatabase(dataDir);
    try {
      const finished = status === 'queued' ? null : sqliteTime(created);
      const id = Number(
        db
          .prepare(
            `INSERT INTO jobs (type, status, repository_id, schedule_id, parameters, "trigger", created_at, finished_at, warnings)
             VALUES ('check', ?, ?, ?, ?, ?, ?, ?, '[]')`,
          )
          .run(status, repositoryId, scheduleId, JSON.stringify(parameters), scheduleId ? 'schedule' : 'manual', sqliteTime(created), finished).lastInsertRowid,
      );
      db.prepare(`INSERT INTO job_steps (job_id, position, type, status) VALUES (?, 1, 'check', ?)`).run(id, status === 'queued' ? 'pending' : status);
      writeFileSync(join(dataDir, 'jobs', `${id}.log`), 'a line\n');
      special[name] = id;
    } finally {
      db.close();
    }
  }
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it(`answers GET /api/jobs?limit=50 with ${JOBS.toLocaleString('en-US')} jobs at p50 ≤ ${P50_LIMIT_MS} ms with and without filters (deep pages ≤ ${DEEP_P50_LIMIT_MS} ms), and counts right`, async () => {
    const port = await freePort();
    let server: ChildProcess | undefined;
    try {
      server = await startServerProcess(dataDir, port, { env: { BORGITORY_JOB_RETENTION_DAYS: '36500' } });
      const setup = await request(`http://127.0.0.1:${port}`).post('/api/auth/setup').send(ADMIN).expect(201);
      const cookie = (setup.headers['set-cookie'] as unknown as string[]).map((line) => line.split(';')[0]).join('; ');
      const paths = QUERIES.map(({ query }) => `/api/jobs?${new URLSearchParams({ limit: '50', ...Object.fromEntries(Object.entries(query).map(([key, value]) => [key, String(value)])) })}`);
      // The health check, which reads nothing, shows what any request costs on this machine now.
      const [baseline, ...timings] = await timeGets(port, ['/api/health', ...paths], cookie, SAMPLES);

      const db = openDatabase(dataDir);
      const results = QUERIES.map(({ name, query }, index) => {
        const filters = Object.entries(query).filter(([key]) => key in COLUMNS);
        const where = filters.length ? `WHERE ${filters.map(([key]) => `${COLUMNS[key]} = ?`).join(' AND ')}` : '';
        const expected = (db.prepare(`SELECT COUNT(*) AS n FROM jobs ${where}`).get(...filters.map(([, value]) => value)) as { n: number }).n;
        return { name, deep: 'offset' in query, expected, ...timings[index] };
      });
      db.close();
      const row = (name: string, timing: Timing) =>
        `  ${name.padEnd(45)} p50 ${timing.p50.toFixed(2).padStart(6)} ms   p90 ${timing.p90.toFixed(2).padStart(6)} ms${timing.total === undefined ? '' : `   total ${timing.total}`}\n`;
      process.stdout.write(
        `GET /api/jobs?limit=50 with ${JOBS} jobs, ${SAMPLES} rounds (load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}):\n` +
          row('GET /api/health (for comparison)', baseline) +
          results.map((result) => row(result.name, result)).join(''),
      );
      for (const result of results) expect({ name: result.name, total: result.total }).toEqual({ name: result.name, total: result.expected });
      const limit = (deep: boolean) => Math.max(deep ? DEEP_P50_LIMIT_MS : P50_LIMIT_MS, (deep ? 2 : 1) * HEALTH_FACTOR * baseline.p50);
      const tooSlow = results.filter((result) => result.p50 > limit(result.deep));
      expect(tooSlow.map((result) => `${result.name}: ${result.p50.toFixed(2)} ms`)).toEqual([]);
    } finally {
      server?.kill('SIGTERM');
      if (server) await exited(server);
    }
  });

  it('reads each page from an index in the lists’ order, never scanning or sorting the jobs, and counts from job_counts', () => {
    const db = openDatabase(dataDir);
    try {
      for (const { name, query } of QUERIES) {
        const filter = filterOf(query);
        const page = jobPageQuery(filter, 50, Number(query.offset ?? 0));
        const pagePlan = planOf(db, page.sql, page.parameters);
        expect({ name, plan: pagePlan }).toEqual({ name, plan: [expect.stringMatching(/^(SCAN|SEARCH) jobs USING COVERING INDEX idx_jobs_list/)] });
        const count = jobCountQuery(filter);
        expect({ name, plan: planOf(db, count.sql, count.parameters).join(' | ') }).toEqual({ name, plan: expect.stringMatching(/job_counts/) });
      }
    } finally {
      db.close();
    }
  });

  describe(`with BORGITORY_JOB_RETENTION_DAYS=${RETENTION_DAYS}`, () => {
    let testApp: TestApp;
    let lookup: jest.SpyInstance;
    const sleeper = new SleepingExecutor('check');
    // Each sample is how long a 1 ms timer took: 1 ms plus whatever held the event loop.
    const stalls = monitorEventLoopDelay({ resolution: 1 });

    beforeAll(async () => {
      // Old jobs still to run on repository 500: the first runs until cancelled, the second waits for it.
      addJob('activeRunning', 'queued', 500, null, daysAgo(800), { until_cancelled: true });
      addJob('activeQueued', 'queued', 500, null, daysAgo(799), { duration_ms: 100 });
      // The queue starts while the app boots: stand in for their executor before it does.
      lookup = jest.spyOn(JobExecutorRegistry.prototype, 'get').mockImplementation((type) => (type === 'check' ? sleeper : undefined));
    });
    afterAll(async () => {
      stalls.disable();
      lookup.mockRestore();
      await testApp?.close({ keepData: true });
    });

    it('removes, at start and in small steps, finished jobs older than that with their steps and logs, keeping active jobs and the newest of each repository and schedule', async () => {
      const cutoff = sqliteTime(daysAgo(RETENTION_DAYS));
      const db = openDatabase(dataDir);
      const ids = (sql: string, ...parameters: Array<string | number>) =>
        (db.prepare(sql).all(...parameters) as Array<{ id: number }>).map((row) => row.id);
      // The newest in the lists' order: created_at, then id.
      const newest = (column: string) =>
        ids(`SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY ${column} ORDER BY created_at DESC, id DESC) AS rank FROM jobs WHERE ${column} IS NOT NULL) WHERE rank = 1`);
      const old = ids('SELECT id FROM jobs WHERE created_at < ? ORDER BY id', cutoff);
      const keep = new Set([...newest('repository_id'), ...newest('schedule_id'), special.activeRunning, special.activeQueued]);
      const keptOld = old.filter((id) => keep.has(id));
      const removed = old.filter((id) => !keep.has(id));
      const total = (db.prepare('SELECT COUNT(*) AS n FROM jobs').get() as { n: number }).n;
      db.close();
      const logged = (jobs: number[]) => jobs.filter((id) => existsSync(join(dataDir, 'jobs', `${id}.log`)));
      const removedLogs = logged(removed);
      const keptLogs = logged([...keptOld, special.recentFinished]);
      expect(removed.length).toBeGreaterThan(JOBS / 4);
      expect(removed).toEqual(expect.arrayContaining([special.lonelyRepositoryOldest, special.lonelyScheduleOldest, special.oldFinished]));
      const byId = (a: number, b: number) => a - b;
      expect(keptOld).toEqual([special.lonelyRepositoryNewest, special.lonelyScheduleNewest, special.activeRunning, special.activeQueued].sort(byId));
      expect(removedLogs.length).toBeGreaterThan(JOBS / 200);

      testApp = await startTestApp({ dataDir, env: { BORGITORY_JOB_RETENTION_DAYS: String(RETENTION_DAYS) } });
      stalls.enable();
      const count = (sql: string, ...parameters: Array<string | number>): number => {
        const check = openDatabase(dataDir);
        try {
          return (check.prepare(sql).get(...parameters) as { n: number }).n;
        } finally {
          check.close();
        }
      };
      const started = Date.now();
      // Nobody asks for it: the pass that runs at start does the work.
      await waitUntil(async () => {
        await new Promise((resolve) => setTimeout(resolve, 250));
        return count('SELECT COUNT(*) AS n FROM jobs') === total - removed.length;
      }, 240_000);
      stalls.disable();
      process.stdout.write(
        `Retention removed ${removed.length} jobs in about ${Date.now() - started} ms; a 1 ms timer took meanwhile: ` +
          `p50 ${(stalls.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(stalls.percentile(99) / 1e6).toFixed(1)} ms, max ${(stalls.max / 1e6).toFixed(1)} ms\n`,
      );
      expect(stalls.max / 1e6).toBeLessThan(LOOP_STALL_LIMIT_MS);
      expect(await testApp.app.get(JobRetention).run()).toBe(0);

      const after = openDatabase(dataDir);
      try {
        const left = (after.prepare('SELECT id FROM jobs WHERE created_at < ? ORDER BY id').all(cutoff) as Array<{ id: number }>).map((row) => row.id);
        expect(left.length).toBe(keptOld.length);
        expect(left).toEqual(keptOld);
        const steps = after.prepare('SELECT COUNT(*) AS n FROM job_steps WHERE job_id IN (SELECT value FROM json_each(?))').get(JSON.stringify(removed)) as { n: number };
        expect(steps.n).toBe(0);
        // The triggers kept the counts exact through every deletion.
        const groups = (sql: string) =>
          new Map((after.prepare(sql).all() as Array<{ key: string; n: number }>).map((row) => [row.key, row.n]));
        const counted = groups(`SELECT status || '/' || type || '/' || repository_id || '/' || schedule_id AS key, jobs AS n FROM job_counts`);
        const actual = groups(
          `SELECT status || '/' || type || '/' || IFNULL(repository_id, 0) || '/' || IFNULL(schedule_id, 0) AS key, COUNT(*) AS n FROM jobs GROUP BY 1`,
        );
        expect([...actual].filter(([key, n]) => counted.get(key) !== n).length).toBe(0);
        expect(counted.size).toBe(actual.size);
      } finally {
        after.close();
      }
      expect(logged(removedLogs).length).toBe(0);
      expect(logged(keptLogs)).toEqual(keptLogs);

      const agent = testApp.http();
      const { setup_required: setupRequired } = (await agent.get('/api/auth/status').expect(200)).body.data;
      await agent.post(setupRequired ? '/api/auth/setup' : '/api/auth/login').send(ADMIN).expect(setupRequired ? 201 : 200);
      const repository500 = (await agent.get('/api/jobs?repository_id=500').expect(200)).body;
      expect(repository500.data.map((job: { id: number }) => job.id)).toEqual([special.recentFinished, special.activeQueued, special.activeRunning]);
      expect(repository500.meta.total).toBe(3);
    });
  });
});
