import { writeTree } from '@borgitory/borg-runner/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { DataSource } from 'typeorm';
import { ArchiveSettings } from '../src/archives/archive-settings';
import { jobCountQuery, jobPageQuery } from '../src/jobs/store/job-list-query';
import { waitForFinish } from './support/job-client';
import { sqliteTime } from './support/job-history';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = Date.now();
const SEEDED_JOBS = 400;
const TYPES = ['backup', 'prune', 'check', 'compact'];
const STATUSES = ['completed', 'warning', 'failed', 'cancelled'];

interface JobRow {
  id: number;
  type: string;
  status: string;
  repository_id: number | null;
  schedule_id: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

interface ArchiveRow {
  id: number;
  name: string;
  started_at: string;
  original_size: number | null;
}

/** SQLite's order of values: NULL first, then numbers and text as they compare. */
function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** A comparator over `-field,name`-style terms, the id last in the last term's direction. */
function orderBy<Row extends { id: number }>(terms: Array<[keyof Row, 'asc' | 'desc']>): (a: Row, b: Row) => number {
  const all = [...terms, ['id', terms.at(-1)?.[1] ?? 'asc'] as [keyof Row, 'asc' | 'desc']];
  return (a, b) => {
    for (const [field, direction] of all) {
      const order = compare(a[field] as string | number | null, b[field] as string | number | null);
      if (order !== 0) return direction === 'desc' ? -order : order;
    }
    return 0;
  };
}

/** A small deterministic generator (mulberry32), so that every run seeds the same jobs. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('filtering, sorting and refusals on the lists', () => {
  let testApp: TestApp;
  let agent: Agent;
  let dataSource: DataSource;
  let repositories: number[];

  beforeAll(async () => {
    testApp = await startTestApp();
    testApp.app.get(ArchiveSettings).indexNewArchives = false;
    dataSource = testApp.app.get(DataSource);
    agent = await setupAdmin(testApp);
    repositories = [];
    for (const name of ['Alpha', 'Bravo', 'Charlie']) {
      const created = await agent
        .post('/api/repositories')
        .send({ name, path: join(testApp.work, `repo-${name}`), encryption: 'none' })
        .expect(201);
      repositories.push(created.body.data.id);
    }
  });
  afterAll(() => testApp.close());

  /** Every page of a list, in the server's order. */
  async function ids(path: string): Promise<{ ids: number[]; total: number }> {
    const response = await agent.get(path).expect(200);
    return { ids: response.body.data.map((row: { id: number }) => row.id), total: response.body.meta.total };
  }

  describe('jobs', () => {
    let jobs: JobRow[];

    beforeAll(async () => {
      const roll = random(0xf11e);
      await dataSource.transaction(async (manager) => {
        for (let i = 0; i < SEEDED_JOBS; i++) {
          const type = TYPES[Math.floor(roll() * TYPES.length)];
          const status = STATUSES[Math.floor(roll() * STATUSES.length)];
          const created = NOW - 30 * DAY_MS + Math.floor(roll() * 30 * DAY_MS);
          const finished = created + 1000 + Math.floor(roll() * 3_600_000);
          await manager.query(
            `INSERT INTO jobs (type, status, repository_id, schedule_id, parameters, "trigger", created_at, started_at, finished_at, warnings)
             VALUES (?, ?, ?, NULL, ?, 'manual', ?, ?, ?, '[]')`,
            [
              type,
              status,
              repositories[Math.floor(roll() * repositories.length)],
              JSON.stringify(type === 'backup' ? { source_paths: ['/srv'], archive_name: `seeded-${i}`, compression: 'lz4' } : {}),
              sqliteTime(new Date(created)),
              sqliteTime(new Date(created + 100)),
              sqliteTime(new Date(finished)),
            ],
          );
        }
      });
      jobs = await dataSource.query('SELECT id, type, status, repository_id, schedule_id, created_at, started_at, finished_at FROM jobs');
      expect(jobs).toHaveLength(SEEDED_JOBS);
    });

    it('filters by sets of status, type and repository, newest first, with the total', async () => {
      const [first, second] = repositories;
      const expected = jobs
        .filter(
          (job) => ['failed', 'warning'].includes(job.status) && job.type === 'backup' && [first, second].includes(job.repository_id ?? 0),
        )
        .sort(orderBy<JobRow>([['created_at', 'desc']]));
      expect(expected.length).toBeGreaterThan(10);
      const answer = await ids(`/api/jobs?status=failed,warning&type=backup&repository_id=${first},${second}&limit=200`);
      expect(answer).toEqual({ ids: expected.map((job) => job.id), total: expected.length });
      // The same sets as repeated parameters.
      const repeated = await ids(
        `/api/jobs?status=failed&status=warning&type=backup&repository_id=${first}&repository_id=${second}&limit=200`,
      );
      expect(repeated).toEqual(answer);
    });

    it('filters by a creation time range, combined with a set, page by page', async () => {
      const after = new Date(NOW - 20 * DAY_MS);
      const before = new Date(NOW - 10 * DAY_MS);
      const expected = jobs
        .filter((job) => job.status === 'completed' && job.created_at >= sqliteTime(after) && job.created_at < sqliteTime(before))
        .sort(orderBy<JobRow>([['created_at', 'desc']]));
      expect(expected.length).toBeGreaterThan(20);
      const range = `created_after=${after.toISOString()}&created_before=${before.toISOString()}`;
      const first = await ids(`/api/jobs?status=completed&${range}&limit=10`);
      const second = await ids(`/api/jobs?status=completed&${range}&limit=10&offset=10`);
      expect({ ids: [...first.ids, ...second.ids], total: first.total }).toEqual({
        ids: expected.slice(0, 20).map((job) => job.id),
        total: expected.length,
      });
    });

    it('sorts by the fields it documents, each way', async () => {
      const cases: Array<[string, Array<[keyof JobRow, 'asc' | 'desc']>]> = [
        ['created_at', [['created_at', 'asc']]],
        ['-finished_at', [['finished_at', 'desc']]],
        ['started_at', [['started_at', 'asc']]],
        ['-id', [['id', 'desc']]],
      ];
      for (const [sort, terms] of cases) {
        const expected = jobs.filter((job) => job.type === 'check').sort(orderBy<JobRow>(terms));
        expect({ sort, answer: await ids(`/api/jobs?type=check&sort=${sort}&limit=200`) }).toEqual({
          sort,
          answer: { ids: expected.map((job) => job.id), total: expected.length },
        });
      }
    });

    it('refuses an unknown filter or sort field and a bad value with 422 naming it; a bad page stays 400', async () => {
      const refusals: Array<[string, string]> = [
        ['colour=red', 'colour'],
        ['sort=size', 'sort'],
        ['sort=-created_at,-created_at', 'sort'],
        ['status=failed,broken', 'status'],
        ['type=', 'type'],
        ['repository_id=1,x', 'repository_id'],
        ['created_after=yesterday', 'created_after'],
        ['created_before=2026-12-01T10:00:00', 'created_before'],
      ];
      for (const [query, field] of refusals) {
        const response = await agent.get(`/api/jobs?${query}`);
        expect({
          query,
          status: response.status,
          code: response.body.error?.code,
          fields: Object.keys(response.body.error?.details ?? {}),
        }).toEqual({
          query,
          status: 422,
          code: 'VALIDATION_ERROR',
          fields: [field],
        });
      }
      const unknownSort = await agent.get('/api/jobs?sort=size').expect(422);
      expect(unknownSort.body.error.message).toContain('"size"');
      await agent.get('/api/jobs?limit=0&status=failed').expect(400);
    });

    it('reads the filtered page and its count from indexes, never scanning or sorting the jobs', async () => {
      const filter = {
        status: ['failed' as const, 'warning' as const],
        type: ['backup' as const],
        created_after: new Date(NOW - 7 * DAY_MS),
      };
      const plan = async (sql: string, parameters: Array<string | number>) =>
        ((await dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters)) as Array<{ detail: string }>).map((row) => row.detail);
      const page = jobPageQuery(filter, 50, 0);
      const pagePlan = await plan(page.sql, page.parameters);
      expect(pagePlan.join(' | ')).toMatch(/^SEARCH jobs USING COVERING INDEX idx_jobs_list_type \(type=\? AND created_at>\?\)$/);
      const count = jobCountQuery(filter);
      expect((await plan(count.sql, count.parameters)).join(' | ')).toMatch(/^SEARCH jobs USING COVERING INDEX idx_jobs_list_\w+ /);
      for (const sort of [['-started_at'], ['finished_at']]) {
        const sorted = await plan(jobPageQuery({ sort }, 50, 0).sql, [50, 0]);
        expect(sorted.join(' | ')).toMatch(/^SCAN jobs USING (COVERING )?INDEX idx_jobs_(started|finished)$/);
      }
    });
  });

  describe('archives', () => {
    const NAMES = ['docs-a', 'docs-b', 'Docs-C', 'photos-a', '50_off', '50xoff'];
    let repositoryId: number;
    let archives: ArchiveRow[];
    const base = () => `/api/repositories/${repositoryId}/archives`;

    beforeAll(async () => {
      repositoryId = repositories[0];
      const source = writeTree(join(testApp.work, 'source'), { 'a.txt': 'alpha\n' });
      for (const name of NAMES) {
        const started = await agent
          .post('/api/backups/manual')
          .send({ repository_id: repositoryId, source_path: source, archive_name: name, compression: 'lz4' })
          .expect(201);
        expect((await waitForFinish(agent, started.body.data.id, 60_000)).status).toBe('completed');
      }
      // The stored list, read from borg if it was not yet.
      await agent.get(`${base()}?limit=200`).expect(200);
      // Dates and sizes of the past, which real backups here cannot have.
      for (const [index, name] of NAMES.entries()) {
        await dataSource.query('UPDATE archives SET started_at = ?, original_size = ? WHERE repository_id = ? AND name = ?', [
          sqliteTime(new Date(NOW - (index + 1) * DAY_MS)),
          [5000, 100, 3000, 100, null, 7000][index],
          repositoryId,
          name,
        ]);
      }
      archives = await dataSource.query('SELECT id, name, started_at, original_size FROM archives WHERE repository_id = ?', [repositoryId]);
      expect(archives.map((archive) => archive.name).sort()).toEqual([...NAMES].sort());
    });

    /** The names a list answers, in its order. */
    async function names(query: string): Promise<{ names: string[]; total: number }> {
      const response = await agent.get(`${base()}?${query}`).expect(200);
      return { names: response.body.data.map((archive: { name: string }) => archive.name), total: response.body.meta.total };
    }

    function expected(keep: (archive: ArchiveRow) => boolean, terms: Array<[keyof ArchiveRow, 'asc' | 'desc']>) {
      const rows = archives.filter(keep).sort(orderBy<ArchiveRow>(terms));
      return { names: rows.map((archive) => archive.name), total: rows.length };
    }

    it('keeps its default order and `order`', async () => {
      expect(await names('')).toEqual(expected(() => true, [['started_at', 'desc']]));
      expect(await names('order=asc')).toEqual(expected(() => true, [['started_at', 'asc']]));
    });

    it('finds a part of the name in any case, its LIKE wildcards taken literally', async () => {
      expect(await names('q=DOCS')).toEqual(expected((archive) => archive.name.toLowerCase().includes('docs'), [['started_at', 'desc']]));
      expect(await names('q=0_o')).toEqual({ names: ['50_off'], total: 1 });
      expect(await names('q=%25')).toEqual({ names: [], total: 0 });
    });

    it('matches a borg-style glob, case-sensitive', async () => {
      expect(await names('glob=docs-*&sort=name')).toEqual({ names: ['docs-a', 'docs-b'], total: 2 });
      expect(await names('glob=docs-[!a]*')).toEqual({ names: ['docs-b'], total: 1 });
      expect(await names('glob=?0?off&sort=-name')).toEqual({ names: ['50xoff', '50_off'], total: 2 });
    });

    it('filters by a start time range and a size range, sorted as asked', async () => {
      const after = new Date(NOW - 4.5 * DAY_MS);
      const before = new Date(NOW - 1.5 * DAY_MS);
      expect(await names(`created_after=${after.toISOString()}&created_before=${before.toISOString()}&sort=created_at`)).toEqual(
        expected((archive) => archive.started_at >= sqliteTime(after) && archive.started_at < sqliteTime(before), [['started_at', 'asc']]),
      );
      expect(await names('min_size=100&max_size=5000&sort=-original_size,name')).toEqual(
        expected(
          (archive) => archive.original_size !== null && archive.original_size >= 100 && archive.original_size <= 5000,
          [
            ['original_size', 'desc'],
            ['name', 'asc'],
          ],
        ),
      );
      const page = await agent.get(`${base()}?min_size=1&sort=original_size&limit=2&offset=1`).expect(200);
      const sized = expected((archive) => archive.original_size !== null, [['original_size', 'asc']]);
      expect(page.body.data.map((archive: { name: string }) => archive.name)).toEqual(sized.names.slice(1, 3));
      expect(page.body.meta.total).toBe(sized.total);
    });

    it('refuses an unknown filter or sort field and a bad value with 422 naming it', async () => {
      for (const [query, field] of [
        ['status=failed', 'status'],
        ['sort=size', 'sort'],
        ['min_size=-1', 'min_size'],
        ['max_size=big', 'max_size'],
        ['created_after=2026-02-30', 'created_after'],
        ['glob=', 'glob'],
      ]) {
        const response = await agent.get(`${base()}?${query}`);
        expect({ query, status: response.status, fields: Object.keys(response.body.error?.details ?? {}) }).toEqual({
          query,
          status: 422,
          fields: [field],
        });
      }
    });
  });
  describe('named lists: repositories, schedules, policies, cloud sync configurations, hosts, users', () => {
    interface Named {
      id: number;
      name: string;
      created_at: string;
    }

    /** Each list: its path, its table, and how to make an item of a name (with an extra field for its own filter). */
    const LISTS: Array<{ path: string; table: string; nameColumn?: string; make: (name: string, index: number) => Promise<void> }> = [
      {
        path: '/api/schedules',
        table: 'schedules',
        make: async (name, index) => {
          await agent
            .post('/api/schedules')
            .send({ name, repository_id: repositories[index % 2], cron_expression: '0 2 * * *', source_path: testApp.work })
            .expect(201);
        },
      },
      {
        path: '/api/pruning-policies',
        table: 'pruning_policies',
        make: async (name) => void (await agent.post('/api/pruning-policies').send({ name, keep_daily: 7 }).expect(201)),
      },
      {
        path: '/api/check-policies',
        table: 'check_policies',
        make: async (name) => void (await agent.post('/api/check-policies').send({ name, scope: 'full' }).expect(201)),
      },
      {
        path: '/api/cloud-sync/configs',
        table: 'cloud_sync_configs',
        make: async (name, index) => {
          const body =
            index % 2 === 0
              ? { name, provider: 'local', provider_config: { path: folder(`copy-${index}`) } }
              : {
                  name,
                  provider: 's3',
                  provider_config: {
                    access_key_id: 'AKIAEXAMPLE',
                    secret_access_key: 'secret',
                    bucket_name: 'bucket',
                    region: 'us-east-1',
                  },
                };
          await agent.post('/api/cloud-sync/configs').send(body).expect(201);
        },
      },
      {
        path: '/api/hosts',
        table: 'hosts',
        make: async (name, index) =>
          void (await agent
            .post('/api/hosts')
            .send({ name, address: `ssh://backup@host-${index}.example` })
            .expect(201)),
      },
      {
        path: '/api/users',
        table: 'users',
        nameColumn: 'username',
        make: async (name, index) =>
          void (await agent
            .post('/api/users')
            .send({
              username: name.toLowerCase().replace(/[^a-z0-9]/g, ''),
              password: 'a long enough password 42',
              role: index % 2 === 0 ? 'viewer' : 'operator',
            })
            .expect(201)),
      },
    ];
    const NAMES = ['Nightly docs', 'weekly DOCS', 'Photos', 'Offsite'];
    const folder = (name: string) => {
      mkdirSync(join(testApp.work, name));
      return join(testApp.work, name);
    };

    beforeAll(async () => {
      for (const list of LISTS) for (const [index, name] of NAMES.entries()) await list.make(name, index);
      // Creation times of the past, a day apart, in another order than the names'.
      for (const table of ['repositories', ...LISTS.map((list) => list.table)]) {
        const rows: Array<{ id: number }> = await dataSource.query(`SELECT id FROM "${table}" ORDER BY id`);
        for (const [index, row] of rows.entries()) {
          await dataSource.query(`UPDATE "${table}" SET created_at = ? WHERE id = ?`, [
            sqliteTime(new Date(NOW - (((index * 7) % 5) + 1) * DAY_MS)),
            row.id,
          ]);
        }
      }
    });

    async function rowsOf(table: string, nameColumn = 'name'): Promise<Named[]> {
      return dataSource.query(`SELECT id, "${nameColumn}" AS name, created_at FROM "${table}"`);
    }

    it('finds a part of the name in any case, sorts by name, creation and id, and takes a creation range', async () => {
      for (const list of [{ path: '/api/repositories', table: 'repositories', nameColumn: undefined }, ...LISTS]) {
        const rows = await rowsOf(list.table, list.nameColumn);
        const check = async (query: string, keep: (row: Named) => boolean, terms: Array<[keyof Named, 'asc' | 'desc']>) => {
          const expected = rows.filter(keep).sort(orderBy<Named>(terms));
          expect({ list: list.path, query, answer: await ids(`${list.path}?${query}`) }).toEqual({
            list: list.path,
            query,
            answer: { ids: expected.map((row) => row.id), total: expected.length },
          });
        };
        await check(`q=DOCS&sort=-${list.nameColumn ?? 'name'}`, (row) => row.name.toLowerCase().includes('docs'), [['name', 'desc']]);
        await check('q=o&sort=-created_at', (row) => row.name.toLowerCase().includes('o'), [['created_at', 'desc']]);
        const after = new Date(NOW - 3.5 * DAY_MS);
        const before = new Date(NOW - 1.5 * DAY_MS);
        await check(
          `created_after=${after.toISOString()}&created_before=${before.toISOString()}&sort=created_at,id`,
          (row) => row.created_at >= sqliteTime(after) && row.created_at < sqliteTime(before),
          [['created_at', 'asc']],
        );
        await check('sort=-id', () => true, [['id', 'desc']]);
        const unknown = await agent.get(`${list.path}?sort=size`).expect(422);
        expect(Object.keys(unknown.body.error.details)).toEqual(['sort']);
        const unknownFilter = await agent.get(`${list.path}?status=failed`).expect(422);
        expect(Object.keys(unknownFilter.body.error.details)).toEqual(['status']);
      }
    });

    it('keeps the default orders: by name, users by id', async () => {
      const repositoriesByName = (await rowsOf('repositories')).sort(orderBy<Named>([['name', 'asc']]));
      expect((await ids('/api/repositories')).ids).toEqual(repositoriesByName.map((row) => row.id));
      const users = (await rowsOf('users', 'username')).sort(orderBy<Named>([['id', 'asc']]));
      expect((await ids('/api/users')).ids).toEqual(users.map((row) => row.id));
    });

    it('filters schedules by repository, configurations by provider and users by role', async () => {
      type Schedule = { id: number; repository_id: number; name: string };
      const schedules: Schedule[] = await dataSource.query('SELECT id, repository_id, name FROM schedules');
      const first = schedules.filter((row) => row.repository_id === repositories[0]).sort(orderBy<Schedule>([['name', 'asc']]));
      expect(await ids(`/api/schedules?repository_id=${repositories[0]}`)).toEqual({
        ids: first.map((row) => row.id),
        total: first.length,
      });
      type Config = { id: number; provider: string; name: string };
      const configs: Config[] = await dataSource.query('SELECT id, provider, name FROM cloud_sync_configs');
      const s3 = configs.filter((row) => row.provider === 's3').sort(orderBy<Config>([['name', 'asc']]));
      expect(await ids('/api/cloud-sync/configs?provider=s3')).toEqual({ ids: s3.map((row) => row.id), total: s3.length });
      expect((await ids('/api/cloud-sync/configs?provider=s3,local')).total).toBe(configs.length);
      await agent.get('/api/cloud-sync/configs?provider=dropbox').expect(422);
      type User = { id: number; role: string; username: string };
      const users: User[] = await dataSource.query('SELECT id, role, username FROM users');
      const staff = users.filter((row) => ['operator', 'admin'].includes(row.role)).sort(orderBy<User>([['username', 'desc']]));
      expect(await ids('/api/users?role=operator,admin&sort=-username')).toEqual({ ids: staff.map((row) => row.id), total: staff.length });
    });
  });

  describe('the audit log and the delivery log', () => {
    it('filters the audit log by sets of users and actions, keeps since and until, and sorts', async () => {
      type Entry = { id: number; user_id: number | null; action: string; occurred_at: string };
      // Reading the log may itself be recorded: what is checked ends before the first read.
      const until = new Date();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const entries: Entry[] = (await dataSource.query('SELECT id, user_id, action, occurred_at FROM audit_entries')).filter(
        (entry: Entry) => entry.occurred_at <= sqliteTime(until),
      );
      const actions = ['POST /api/v1/schedules', 'POST /api/v1/users'];
      const expected = entries.filter((entry) => actions.includes(entry.action)).sort(orderBy<Entry>([['occurred_at', 'asc']]));
      expect(expected.length).toBeGreaterThan(4);
      const answer = await ids(
        `/api/audit?action=${encodeURIComponent(actions.join(','))}&until=${until.toISOString()}&sort=occurred_at&limit=200`,
      );
      expect(answer).toEqual({ ids: expected.map((entry) => entry.id), total: expected.length });
      const adminId = entries.find((entry) => entry.user_id !== null)?.user_id;
      const since = expected[2].occurred_at.replace(' ', 'T') + 'Z';
      const mine = entries
        .filter((entry) => entry.user_id === adminId && entry.occurred_at >= expected[2].occurred_at)
        .sort(orderBy<Entry>([['occurred_at', 'desc']]));
      expect(await ids(`/api/audit?user_id=${adminId}&since=${since}&until=${until.toISOString()}&limit=200`)).toEqual({
        ids: mine.map((entry) => entry.id),
        total: mine.length,
      });
      await agent.get('/api/audit?sort=username').expect(422);
    });

    it('filters the delivery log by sets and a creation range', async () => {
      const channel = await agent
        .post('/api/notifications/channels')
        .send({
          name: 'Hook',
          type: 'webhook',
          events: ['backup.failed'],
          repository_ids: null,
          config: { url: 'http://127.0.0.1:9/hook', secret: 'x'.repeat(32) },
        })
        .expect(201);
      const channelId: number = channel.body.data.id;
      await dataSource.transaction(async (manager) => {
        for (let i = 0; i < 30; i++) {
          await manager.query(
            `INSERT INTO notification_deliveries (uuid, channel_id, event, payload, status, attempts, next_attempt_at, created_at)
             VALUES (?, ?, ?, ?, ?, 0, NULL, ?)`,
            [
              `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
              channelId,
              i % 3 === 0 ? 'check.failed' : 'backup.failed',
              JSON.stringify({ event: i % 3 === 0 ? 'check.failed' : 'backup.failed', data: { summary: `Seeded ${i}` } }),
              ['failed', 'delivered', 'suppressed'][Math.floor(i / 2) % 3],
              sqliteTime(new Date(NOW - i * 3_600_000)),
            ],
          );
        }
      });
      type Delivery = { id: number; event: string; status: string; created_at: string };
      const deliveries: Delivery[] = await dataSource.query('SELECT id, event, status, created_at FROM notification_deliveries');
      const after = new Date(NOW - 20.5 * 3_600_000);
      const expected = deliveries
        .filter(
          (row) => ['failed', 'suppressed'].includes(row.status) && row.event === 'backup.failed' && row.created_at >= sqliteTime(after),
        )
        .sort(orderBy<Delivery>([['created_at', 'desc']]));
      expect(expected.length).toBeGreaterThan(3);
      expect(
        await ids(
          `/api/notifications/deliveries?channel_id=${channelId}&status=failed,suppressed&event=backup.failed&created_after=${after.toISOString()}&limit=200`,
        ),
      ).toEqual({ ids: expected.map((row) => row.id), total: expected.length });
      await agent.get('/api/notifications/deliveries?status=lost').expect(422);
    });
  });
});
