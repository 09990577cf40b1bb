import { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@borgitory/borg-runner/testing';
import type { JobStatus, JobType } from '@borgitory/job-states';
import Database from 'better-sqlite3';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { JobExecutorRegistry } from '../src/jobs/engine/job-executor-registry';
import { JobPlannerStatistics } from '../src/jobs/store/job-planner-statistics';
import { JobRetention } from '../src/jobs/store/job-retention';
import { JobStore } from '../src/jobs/store/job-store';
import { JobFilter, jobCountQuery, jobPageQuery } from '../src/jobs/store/job-list-query';
import { MIGRATIONS } from '../src/migrations';
import { DATABASE_FILE } from '../src/platform/database/database-options';
import { asExecutor, SleepingExecutor, waitUntil } from './support/job-executors';
import { seedJobHistory, sqliteTime } from './support/job-history';
import { exited, startServerProcess } from './support/server-process';
import { ADMIN, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(300_000);

const JOBS = Number(process.env.JOB_HISTORY_JOBS ?? 200_000);
/** Retention works on a history of its own: what it must keep does not depend on the size. */
const RETENTION_JOBS = 40_000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Removal goes in small steps: no batch more than this many jobs… */
const BATCH_JOBS_LIMIT = 1000;
/**
 * …nor holding the event loop longer than this. Batches aim at 10 ms; the bound leaves room for other test workers
 * taking the CPU, and still catches removal in one go (0.7 s on a quiet machine, seconds on a busy one).
 */
const BATCH_MS_LIMIT = 500;
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
  const one = <T>(value: unknown): T[] | undefined => (value === undefined ? undefined : [value as T]);
  return {
    status: one<JobStatus>(query.status),
    type: one<JobType>(query.type),
    repository_id: one<number>(query.repository_id),
    schedule_id: one<number>(query.schedule_id),
  };
}

/** SQLite's plan for a statement, one line per step. */
function planOf(db: Database.Database, sql: string, parameters: Array<string | number>): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as Array<{ detail: string }>).map((row) => row.detail);
}

function openDatabase(dataDir: string): Database.Database {
  return new Database(join(dataDir, DATABASE_FILE));
}

/** A check job (one step, a log file) in the database of `dataDir`; returns its id. */
function addJob(
  dataDir: string,
  status: string,
  repositoryId: number,
  scheduleId: number | null,
  created: Date,
  parameters: object = {},
): number {
  const db = openDatabase(dataDir);
  try {
    const finished = status === 'queued' ? null : sqliteTime(created);
    const id = Number(
      db
        .prepare(
          `INSERT INTO jobs (type, status, repository_id, schedule_id, parameters, "trigger", created_at, finished_at, warnings)
           VALUES ('check', ?, ?, ?, ?, ?, ?, ?, '[]')`,
        )
        .run(
          status,
          repositoryId,
          scheduleId,
          JSON.stringify(parameters),
          scheduleId ? 'schedule' : 'manual',
          sqliteTime(created),
          finished,
        ).lastInsertRowid,
    );
    db.prepare(`INSERT INTO job_steps (job_id, position, type, status) VALUES (?, 1, 'check', ?)`).run(
      id,
      status === 'queued' ? 'pending' : status,
    );
    writeFileSync(join(dataDir, 'jobs', `${id}.log`), 'a line\n');
    return id;
  } finally {
    db.close();
  }
}

/** The schema, made by the migrations, then a seeded history of `jobs` jobs over two years. */
async function seededDataDir(work: string, name: string, jobs: number, now: Date): Promise<string> {
  const dataDir = join(work, name);
  const schema = new DataSource({
    type: 'better-sqlite3',
    database: join(dataDir, DATABASE_FILE),
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
  });
  await schema.initialize();
  await schema.runMigrations();
  await schema.destroy();
  seedJobHistory(dataDir, { jobs, now: new Date(now.getTime() - 0.01 * DAY_MS), days: 730, logEvery: 50 });
  return dataDir;
}

describe('item 10: a long job history stays fast and is trimmed', () => {
  let work: string;
  const now = new Date();
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'borgitory-history-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  // How fast the lists answer is measured by `npm run bench -- --only job-list` (docs/benchmarks.md): figures, not a
  // timed test. What made them slow, SQLite scanning and sorting the jobs for every page and count, is checked here.
  describe(`with ${JOBS.toLocaleString('en-US')} jobs`, () => {
    let dataDir: string;

    beforeAll(async () => {
      dataDir = await seededDataDir(work, 'lists', JOBS, now);
    });

    it('reads each page from an index in the lists’ order, never scanning or sorting the jobs, and counts from job_counts, with and without the planner’s statistics', () => {
      const db = openDatabase(dataDir);
      try {
        const queries = [
          ...QUERIES.map((query) => ({ ...query, statistics: false })),
          ...QUERIES.map((query) => ({ ...query, statistics: true })),
        ];
        for (const { name: queryName, query, statistics } of queries) {
          if (statistics && !db.prepare(`SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'`).get()) db.exec('ANALYZE jobs');
          const name = `${queryName}${statistics ? ' (with statistics)' : ''}`;
          const filter = filterOf(query);
          const page = jobPageQuery(filter, 50, Number(query.offset ?? 0));
          const pagePlan = planOf(db, page.sql, page.parameters);
          expect({ name, plan: pagePlan }).toEqual({
            name,
            plan: [expect.stringMatching(/^(SCAN|SEARCH) jobs USING COVERING INDEX idx_jobs_list/)],
          });
          const count = jobCountQuery(filter);
          expect({ name, plan: planOf(db, count.sql, count.parameters).join(' | ') }).toEqual({
            name,
            plan: expect.stringMatching(/job_counts/),
          });
        }
      } finally {
        db.close();
      }
    });

    it('answers GET /api/jobs?limit=50 with and without filters with a full page and the right total', async () => {
      const port = await freePort();
      let server: ChildProcess | undefined;
      try {
        server = await startServerProcess(dataDir, port, { env: { BORGITORY_JOB_RETENTION_DAYS: '36500' } });
        const http = request(`http://127.0.0.1:${port}`);
        const setup = await http.post('/api/auth/setup').send(ADMIN).expect(201);
        const cookie = (setup.headers['set-cookie'] as unknown as string[]).map((line) => line.split(';')[0]).join('; ');
        const db = openDatabase(dataDir);
        try {
          for (const { name, query } of QUERIES) {
            const filters = Object.entries(query).filter(([key]) => key in COLUMNS);
            const where = filters.length ? `WHERE ${filters.map(([key]) => `${COLUMNS[key]} = ?`).join(' AND ')}` : '';
            const expected = (
              db.prepare(`SELECT COUNT(*) AS n FROM jobs ${where}`).get(...filters.map(([, value]) => value)) as { n: number }
            ).n;
            const { body } = await http
              .get('/api/jobs')
              .query({ limit: 50, ...query })
              .set('Cookie', cookie)
              .expect(200);
            const pageSize = Math.min(50, Math.max(0, expected - Number(query.offset ?? 0)));
            expect({ name, total: body.meta.total, page: body.data.length }).toEqual({ name, total: expected, page: pageSize });
          }
        } finally {
          db.close();
        }
      } finally {
        server?.kill('SIGTERM');
        if (server) await exited(server);
      }
    });
  });

  describe(`with BORGITORY_JOB_RETENTION_DAYS=${RETENTION_DAYS} and ${RETENTION_JOBS.toLocaleString('en-US')} jobs`, () => {
    let dataDir: string;
    let testApp: TestApp;
    let lookup: jest.SpyInstance;
    let removal: jest.SpyInstance;
    /** Jobs the spec adds beside the seeded history, by what retention must do with them. */
    const special: Record<string, number> = {};
    const sleeper = new SleepingExecutor('check');
    /** Each batch of removals: how many jobs, and how long its (synchronous) SQLite work held the event loop. */
    const batches: Array<{ jobs: number; ms: number }> = [];

    beforeAll(async () => {
      dataDir = await seededDataDir(work, 'retention', RETENTION_JOBS, now);
      const add = (name: string, status: string, repositoryId: number, scheduleId: number | null, created: Date, parameters?: object) => {
        special[name] = addJob(dataDir, status, repositoryId, scheduleId, created, parameters);
      };
      // A repository whose jobs are all old: its newest stays.
      add('lonelyRepositoryOldest', 'completed', 21, null, daysAgo(1200));
      add('lonelyRepositoryNewest', 'failed', 21, null, daysAgo(1100));
      // A schedule (of a busy repository) whose runs are all old: its newest stays.
      add('lonelyScheduleOldest', 'completed', 5, 41, daysAgo(1000));
      add('lonelyScheduleNewest', 'completed', 5, 41, daysAgo(900));
      // On repository 500: an old finished job, and the newest, recent one.
      add('oldFinished', 'completed', 500, null, daysAgo(798));
      add('recentFinished', 'completed', 500, null, daysAgo(1));
      // Old jobs still to run on repository 500: the first runs until cancelled, the second waits for it.
      add('activeRunning', 'queued', 500, null, daysAgo(800), { until_cancelled: true });
      add('activeQueued', 'queued', 500, null, daysAgo(799), { duration_ms: 100 });
      // The queue starts while the app boots: stand in for their executor before it does.
      lookup = jest
        .spyOn(JobExecutorRegistry.prototype, 'get')
        .mockImplementation((type) => (type === 'check' ? asExecutor(sleeper) : undefined));
      const removeFinishedBefore = JobStore.prototype.removeFinishedBefore;
      removal = jest.spyOn(JobStore.prototype, 'removeFinishedBefore').mockImplementation(async function (this: JobStore, ...batch) {
        const started = performance.now();
        const ids = await removeFinishedBefore.apply(this, batch);
        batches.push({ jobs: ids.length, ms: performance.now() - started });
        return ids;
      });
    });
    afterAll(async () => {
      removal.mockRestore();
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
        ids(
          `SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY ${column} ORDER BY created_at DESC, id DESC) AS rank FROM jobs WHERE ${column} IS NOT NULL) WHERE rank = 1`,
        );
      const old = ids('SELECT id FROM jobs WHERE created_at < ? ORDER BY id', cutoff);
      const keep = new Set([...newest('repository_id'), ...newest('schedule_id'), special.activeRunning, special.activeQueued]);
      const keptOld = old.filter((id) => keep.has(id));
      const removed = old.filter((id) => !keep.has(id));
      const total = (db.prepare('SELECT COUNT(*) AS n FROM jobs').get() as { n: number }).n;
      db.close();
      const logged = (jobs: number[]) => jobs.filter((id) => existsSync(join(dataDir, 'jobs', `${id}.log`)));
      const removedLogs = logged(removed);
      const keptLogs = logged([...keptOld, special.recentFinished]);
      expect(removed.length).toBeGreaterThan(RETENTION_JOBS / 4);
      expect(removed).toEqual(expect.arrayContaining([special.lonelyRepositoryOldest, special.lonelyScheduleOldest, special.oldFinished]));
      const byId = (a: number, b: number) => a - b;
      expect(keptOld).toEqual(
        [special.lonelyRepositoryNewest, special.lonelyScheduleNewest, special.activeRunning, special.activeQueued].sort(byId),
      );
      expect(removedLogs.length).toBeGreaterThan(RETENTION_JOBS / 200);

      testApp = await startTestApp({ dataDir, env: { BORGITORY_JOB_RETENTION_DAYS: String(RETENTION_DAYS) } });
      const reader = openDatabase(dataDir);
      const jobCount = () => (reader.prepare('SELECT COUNT(*) AS n FROM jobs').get() as { n: number }).n;
      const started = Date.now();
      try {
        // Nobody asks for it: the pass that runs at start does the work.
        await waitUntil(async () => {
          await new Promise((resolve) => setTimeout(resolve, 250));
          return jobCount() === total - removed.length;
        }, 120_000).catch((error: Error) => {
          throw new Error(`${error.message}: ${total - jobCount()} of ${removed.length} jobs removed after ${Date.now() - started} ms`);
        });
      } finally {
        reader.close();
      }
      // The pass that removed them may still be finishing: this joins it, or runs one that finds nothing.
      await testApp.app.get(JobRetention).run();
      // Its end took the planner's statistics of the history left, once.
      const statistics = testApp.app.get(JobPlannerStatistics);
      const described = openDatabase(dataDir);
      try {
        const stat = described.prepare(`SELECT stat FROM sqlite_stat1 WHERE idx = 'idx_jobs_list'`).get() as { stat: string };
        expect(Number.parseInt(stat.stat, 10)).toBe(total - removed.length);
      } finally {
        described.close();
      }
      expect(await statistics.refresh()).toBe(false);
      const slowest = [...batches].sort((a, b) => b.ms - a.ms)[0];
      process.stdout.write(
        `Retention removed ${removed.length} jobs in about ${Date.now() - started} ms, in ${batches.length} batches of up to ` +
          `${Math.max(...batches.map((batch) => batch.jobs))} jobs; the slowest took ${slowest.ms.toFixed(1)} ms (${slowest.jobs} jobs)\n`,
      );
      expect(batches.filter((batch) => batch.jobs > BATCH_JOBS_LIMIT || batch.ms > BATCH_MS_LIMIT)).toEqual([]);

      const after = openDatabase(dataDir);
      try {
        const oldJobs = () =>
          after.prepare('SELECT id, status FROM jobs WHERE created_at < ? ORDER BY id').all(cutoff) as Array<{
            id: number;
            status: string;
          }>;
        const left = oldJobs();
        expect(left.map((job) => job.id)).toEqual(keptOld);
        expect(left.filter((job) => job.id === special.activeRunning || job.id === special.activeQueued).map((job) => job.status)).toEqual([
          'running',
          'queued',
        ]);
        // A second pass finds nothing more to remove.
        expect(await testApp.app.get(JobRetention).run()).toBe(0);
        expect(oldJobs()).toEqual(left);
        const steps = after
          .prepare('SELECT COUNT(*) AS n FROM job_steps WHERE job_id IN (SELECT value FROM json_each(?))')
          .get(JSON.stringify(removed)) as { n: number };
        expect(steps.n).toBe(0);
        // The triggers kept the counts exact through every deletion.
        const groups = (sql: string) =>
          new Map((after.prepare(sql).all() as Array<{ key: string; n: number }>).map((row) => [row.key, row.n]));
        const counted = groups(
          `SELECT status || '/' || type || '/' || repository_id || '/' || schedule_id AS key, jobs AS n FROM job_counts`,
        );
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
      await agent
        .post(setupRequired ? '/api/auth/setup' : '/api/auth/login')
        .send(ADMIN)
        .expect(setupRequired ? 201 : 200);
      const repository500 = (await agent.get('/api/jobs?repository_id=500').expect(200)).body;
      expect(repository500.data.map((job: { id: number }) => job.id)).toEqual([
        special.recentFinished,
        special.activeQueued,
        special.activeRunning,
      ]);
      expect(repository500.meta.total).toBe(3);
    });
  });
});
