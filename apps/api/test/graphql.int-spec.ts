import { join } from 'node:path';
import { writeTree } from '@borgitory/borg-runner/testing';
import type { Agent, Test } from 'supertest';
import { DataSource } from 'typeorm';
import { waitForFinish } from './support/job-client';
import { sqliteTime } from './support/job-history';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(240_000);

const GRAPHQL = '/api/v1/graphql';
const PASSWORD = 'correct horse battery staple';

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: string[]; extensions: { code: string; details?: Record<string, unknown> } }>;
}

/** A GraphQL client as any would post: JSON with the query and its variables. */
function graphql(agent: Agent, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Test {
  return agent.post(GRAPHQL).set(headers).send({ query, variables });
}

async function data<T>(
  agent: Agent,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await graphql(agent, query, variables, headers);
  const body = response.body as GraphQLAnswer;
  if (response.status !== 200 || body.errors) throw new Error(`${response.status} ${JSON.stringify(body)}`);
  return body.data as T;
}

interface Connection<T> {
  edges: Array<{ node: T; cursor: string }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

describe('GraphQL at /api/v1/graphql', () => {
  let testApp: TestApp;
  let admin: Agent;
  let viewer: Agent;
  let operator: Agent;
  let source: string;
  let repositoryId: number;
  const jobIds: number[] = [];

  async function logIn(username: string): Promise<Agent> {
    const agent = testApp.http();
    await agent.post('/api/auth/login').send({ username, password: PASSWORD }).expect(200);
    return agent;
  }

  async function createRepository(name: string): Promise<number> {
    const created = await admin
      .post('/api/repositories')
      .send({ name, path: join(testApp.work, name), encryption: 'none' })
      .expect(201);
    return created.body.data.id;
  }

  async function startBackup(agent: Agent, input: Record<string, unknown>): Promise<{ id: number; status: string }> {
    const answer = await data<{ startBackup: { id: number; status: string } }>(
      agent,
      'mutation Start($input: StartBackupInput!) { startBackup(input: $input) { id status } }',
      { input },
    );
    return answer.startBackup;
  }

  beforeAll(async () => {
    // The monitor and the archive list refresh stay out of the way of the query counts.
    testApp = await startTestApp({ env: { BORGITORY_MONITOR_INTERVAL_SECONDS: '86400', BORGITORY_ARCHIVE_REFRESH_MINUTES: '10080' } });
    admin = await setupAdmin(testApp);
    for (const role of ['viewer', 'operator'] as const) {
      await admin.post('/api/users').send({ username: role, password: PASSWORD, role }).expect(201);
    }
    viewer = await logIn('viewer');
    operator = await logIn('operator');
    source = writeTree(join(testApp.work, 'source'), { 'notes.txt': 'remember the milk', 'photos/cat.jpg': 'meow' });
    repositoryId = await createRepository('documents');
    // Three real backups through the mutation: three archives and three jobs to page through.
    for (let i = 0; i < 3; i++) {
      const job = await startBackup(operator, { repositoryId, sourcePaths: [source], archiveName: `docs-${i}` });
      expect(job.status).toBe('queued');
      expect((await waitForFinish(admin, job.id)).status).toBe('completed');
      jobIds.push(job.id);
    }
    await admin
      .post('/api/schedules')
      .send({ name: 'Nightly documents', repository_id: repositoryId, source_path: source, cron_expression: '0 2 * * *' })
      .expect(201);
  });
  afterAll(() => testApp.close());

  describe('authentication and roles, as REST has them', () => {
    it('answers 401 UNAUTHENTICATED to anyone without a session or an API key, introspection included', async () => {
      for (const query of ['{ repositories { id } }', '{ __schema { queryType { name } } }']) {
        const response = await graphql(testApp.http(), query).expect(401);
        expect(response.body.data).toBeUndefined();
        expect(response.body.errors).toEqual([{ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } }]);
      }
      await graphql(testApp.http(), '{ jobs { totalCount } }', {}, { authorization: 'Bearer bgk_not-a-key' }).expect(401);
    });

    it('lets a viewer read but answers FORBIDDEN to a viewer mutation, as REST answers 403', async () => {
      const read = await data<{ repositories: Array<{ name: string }> }>(viewer, '{ repositories { name } }');
      expect(read.repositories.map((repository) => repository.name)).toEqual(['documents']);

      const response = await graphql(viewer, 'mutation { retryJob(id: 1) { id } }').expect(200);
      expect(response.body.data).toBeNull();
      expect(response.body.errors).toEqual([
        {
          message: 'This needs the operator role; you are signed in as a viewer',
          path: ['retryJob'],
          locations: [{ line: 1, column: 12 }],
          extensions: { code: 'FORBIDDEN' },
        },
      ]);
      await viewer.post(`/api/jobs/${jobIds[0]}/retry`).expect(403);
    });

    it('takes API keys by Bearer: a read key reads and cannot mutate, an operate key can', async () => {
      const read = (await admin.post('/api/api-keys').send({ name: 'read', scope: 'read' }).expect(201)).body.data.key as string;
      const operate = (await admin.post('/api/api-keys').send({ name: 'operate', scope: 'operate' }).expect(201)).body.data.key as string;
      const keyClient = testApp.http();
      const readAnswer = await data<{ jobs: { totalCount: number } }>(
        keyClient,
        '{ jobs { totalCount } }',
        {},
        { authorization: `Bearer ${read}` },
      );
      expect(readAnswer.jobs.totalCount).toBeGreaterThanOrEqual(3);

      const toggle = 'mutation($id: Int!) { toggleSchedule(id: $id) { id enabled } }';
      const { schedules } = await data<{ schedules: Array<{ id: number; enabled: boolean }> }>(admin, '{ schedules { id enabled } }');
      const refused = await graphql(keyClient, toggle, { id: schedules[0].id }, { authorization: `Bearer ${read}` }).expect(200);
      expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(refused.body.errors[0].message).toBe(
        'This needs the operator role; you are signed in as an admin with an API key that acts as a viewer',
      );

      const toggled = await data<{ toggleSchedule: { enabled: boolean } }>(
        keyClient,
        toggle,
        { id: schedules[0].id },
        {
          authorization: `Bearer ${operate}`,
        },
      );
      expect(toggled.toggleSchedule.enabled).toBe(!schedules[0].enabled);
      // And back, by a session this time.
      expect((await data<{ toggleSchedule: { enabled: boolean } }>(operator, toggle, { id: schedules[0].id })).toggleSchedule.enabled).toBe(
        schedules[0].enabled,
      );
    });

    it('records mutations in the audit trail, refusals too', async () => {
      const entries = (await admin.get('/api/audit').query({ limit: 200 }).expect(200)).body.data as Array<{
        action: string;
        username: string;
        outcome: string;
        status: number;
      }>;
      const graphqlEntries = entries.filter((entry) => entry.action.startsWith('GraphQL '));
      expect(graphqlEntries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'GraphQL startBackup', username: 'operator', outcome: 'succeeded', status: 200 }),
          expect.objectContaining({ action: 'GraphQL retryJob', username: 'viewer', outcome: 'refused', status: 403 }),
          expect.objectContaining({ action: 'GraphQL toggleSchedule', username: 'admin', outcome: 'refused', status: 403 }),
        ]),
      );
    });
  });

  describe('CSRF: cookie sessions keep the same-origin and JSON-only rules', () => {
    it('refuses a cross-origin post, a form post and a text/plain post before anything runs', async () => {
      await operator.post(GRAPHQL).set('Origin', 'https://evil.example').send({ query: '{ jobs { totalCount } }' }).expect(403);
      const mutation = `mutation { cancelJob(id: ${jobIds[0]}) { id } }`;
      await operator
        .post(GRAPHQL)
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send(`query=${encodeURIComponent(mutation)}`)
        .expect(400);
      await operator
        .post(GRAPHQL)
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify({ query: mutation }))
        .expect(400);
    });

    it('runs queries over GET but never mutations', async () => {
      const query = await operator
        .get(GRAPHQL)
        .set('apollo-require-preflight', 'true')
        .query({ query: '{ jobs(first: 1) { totalCount } }' })
        .expect(200);
      expect(query.body.data.jobs.totalCount).toBeGreaterThanOrEqual(3);
      const mutation = await operator
        .get(GRAPHQL)
        .set('apollo-require-preflight', 'true')
        .query({ query: `mutation { retryJob(id: ${jobIds[0]}) { id } }` })
        .expect(405);
      expect(mutation.body.errors[0].message).toBe('GET requests only support query operations, not mutation operations');
      // Without a header a browser would have to preflight, Apollo refuses a GET (its own CSRF rule).
      await operator.get(GRAPHQL).query({ query: '{ jobs { totalCount } }' }).expect(400);
    });
  });

  describe('queries', () => {
    it('reads repositories with their archives, schedules and newest job in one query', async () => {
      const answer = await data<{
        repositories: Array<{
          id: number;
          name: string;
          encryption: string;
          archives: Connection<{ name: string; originalSize: number }>;
          schedules: Array<{ name: string; cronExpression: string; description: string }>;
          latestJob: { id: number; type: string; status: string; parameters: { source_paths: string[] } };
        }>;
      }>(
        viewer,
        `{ repositories {
            id name encryption
            archives(first: 10) { totalCount edges { cursor node { name originalSize } } pageInfo { hasNextPage endCursor } }
            schedules { name cronExpression description }
            latestJob { id type status parameters }
        } }`,
      );
      const [repository] = answer.repositories;
      expect(repository).toMatchObject({ id: repositoryId, name: 'documents', encryption: 'none' });
      expect(repository.archives.totalCount).toBe(3);
      expect(repository.archives.edges.map((edge) => edge.node.name)).toEqual(['docs-2', 'docs-1', 'docs-0']);
      expect(repository.archives.edges[0].node.originalSize).toBeGreaterThan(0);
      expect(repository.archives.pageInfo.hasNextPage).toBe(false);
      expect(repository.schedules).toEqual([{ name: 'Nightly documents', cronExpression: '0 2 * * *', description: 'At 02:00' }]);
      expect(repository.latestJob).toMatchObject({ id: jobIds[2], type: 'backup', status: 'completed' });
      expect(repository.latestJob.parameters.source_paths).toEqual([source]);
    });

    it('answers the same as REST for one repository, and NOT_FOUND for a missing one', async () => {
      const rest = (await viewer.get(`/api/repositories/${repositoryId}`).expect(200)).body.data;
      const { repository } = await data<{ repository: Record<string, unknown> }>(
        viewer,
        'query($id: Int!) { repository(id: $id) { id name path archivesCount hasPassphrase isRemote createdAt } }',
        { id: repositoryId },
      );
      expect(repository).toEqual({
        id: rest.id,
        name: rest.name,
        path: rest.path,
        archivesCount: rest.archives_count,
        hasPassphrase: rest.has_passphrase,
        isRemote: rest.is_remote,
        createdAt: rest.created_at,
      });

      for (const [field, query, message] of [
        ['repository', '{ repository(id: 999) { id } }', 'Repository 999 does not exist'],
        ['job', '{ job(id: 999) { id } }', 'Job 999 does not exist'],
      ]) {
        const missing = await graphql(viewer, query).expect(200);
        expect(missing.body.data).toBeNull();
        expect(missing.body.errors).toEqual([expect.objectContaining({ path: [field], extensions: { code: 'NOT_FOUND' }, message })]);
        expect(JSON.stringify(missing.body)).not.toMatch(/stacktrace|at .*\.js/);
      }
    });

    it('walks the archives and the jobs page by page with cursors', async () => {
      const archivePage = `query($id: Int!, $after: String) { repository(id: $id) {
        archives(first: 1, after: $after, filter: { order: asc }) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } } }`;
      const names: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 5; page++) {
        const answer: { repository: { archives: Connection<{ name: string }> } } = await data(viewer, archivePage, {
          id: repositoryId,
          after,
        });
        const { archives } = answer.repository;
        expect(archives.totalCount).toBe(3);
        names.push(...archives.edges.map((edge) => edge.node.name));
        if (!archives.pageInfo.hasNextPage) break;
        after = archives.pageInfo.endCursor;
      }
      expect(names).toEqual(['docs-0', 'docs-1', 'docs-2']);

      const jobPage = `query($after: String) { jobs(first: 2, after: $after, filter: { type: backup, status: completed, repositoryId: ${repositoryId} }) {
        totalCount edges { node { id } cursor } pageInfo { hasNextPage endCursor } } }`;
      const first: { jobs: Connection<{ id: number }> } = await data(viewer, jobPage, { after: null });
      expect(first.jobs.totalCount).toBe(3);
      expect(first.jobs.edges.map((edge) => edge.node.id)).toEqual([jobIds[2], jobIds[1]]);
      expect(first.jobs.pageInfo).toEqual({ hasNextPage: true, endCursor: first.jobs.edges[1].cursor });
      const second: { jobs: Connection<{ id: number }> } = await data(viewer, jobPage, { after: first.jobs.pageInfo.endCursor });
      expect(second.jobs.edges.map((edge) => edge.node.id)).toEqual([jobIds[0]]);
      expect(second.jobs.pageInfo.hasNextPage).toBe(false);

      const bad = await graphql(viewer, '{ jobs(after: "not-a-cursor") { totalCount } }').expect(200);
      expect(bad.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      const tooMany = await graphql(viewer, '{ jobs(first: 201) { totalCount } }').expect(200);
      expect(tooMany.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    });

    it('reads a job with its log from an offset, and the schedules, cloud sync configurations and overview', async () => {
      const { job } = await data<{
        job: {
          id: number;
          status: string;
          steps: Array<{ type: string; status: string }>;
          logs: { lines: Array<{ message: string }>; nextOffset: number; complete: boolean };
        };
      }>(viewer, 'query($id: Int!) { job(id: $id) { id status steps { type status } logs { lines { message } nextOffset complete } } }', {
        id: jobIds[0],
      });
      expect(job).toMatchObject({ id: jobIds[0], status: 'completed', steps: [{ type: 'backup', status: 'completed' }] });
      expect(job.logs.complete).toBe(true);
      expect(job.logs.lines.length).toBeGreaterThan(1);
      const rest = (await viewer.get(`/api/jobs/${jobIds[0]}/logs`).query({ offset: 0 }).expect(200)).body.data;
      expect(job.logs.lines.map((line) => line.message)).toEqual(rest.lines.map((line: { message: string }) => line.message));
      const later = await data<{ job: { logs: { lines: Array<{ message: string }> } } }>(
        viewer,
        'query($id: Int!, $offset: Float!) { job(id: $id) { logs(offset: $offset) { lines { message } } } }',
        { id: jobIds[0], offset: rest.lines[1].offset },
      );
      expect(later.job.logs.lines.map((line) => line.message)).toEqual(
        rest.lines.slice(1).map((line: { message: string }) => line.message),
      );

      const rootLists = await data<{
        schedules: Array<{ name: string; repositoryId: number; lastRun: null }>;
        cloudSyncConfigs: unknown[];
        overview: {
          totals: { repositories: number; archives: number };
          repositories: Array<{ name: string; health: string }>;
          runningJobs: unknown[];
        };
      }>(
        viewer,
        '{ schedules { name repositoryId lastRun { id } } cloudSyncConfigs { id name } overview { totals { repositories archives } repositories { name health } runningJobs { id } } }',
      );
      expect(rootLists.schedules).toEqual([{ name: 'Nightly documents', repositoryId, lastRun: null }]);
      expect(rootLists.cloudSyncConfigs).toEqual([]);
      expect(rootLists.overview.totals).toEqual({ repositories: 1, archives: 3 });
      expect(rootLists.overview.repositories).toEqual([{ name: 'documents', health: 'healthy' }]);
      expect(rootLists.overview.runningJobs).toEqual([]);
    });
  });

  describe('mutations', () => {
    it('refuses an invalid backup with the REST rules and code, fields named as GraphQL names them', async () => {
      const response = await graphql(operator, 'mutation($input: StartBackupInput!) { startBackup(input: $input) { id } }', {
        input: { repositoryId, sourcePaths: [source], compression: 'brotli' },
      }).expect(200);
      expect(response.body.errors[0].extensions.code).toBe('VALIDATION_ERROR');
      expect(Object.keys(response.body.errors[0].extensions.details)).toEqual(['compression']);
      const missing = await graphql(operator, 'mutation($input: StartBackupInput!) { startBackup(input: $input) { id } }', {
        input: { repositoryId: 999, sourcePaths: [source] },
      }).expect(200);
      expect(missing.body.errors[0].extensions.code).toBe(
        (await operator.post('/api/backups/manual').send({ repository_id: 999, source_path: source })).body.error.code,
      );
    });

    it('runs a schedule, cancels the run and retries it', async () => {
      // A backup holds the repository, so that the schedule's run waits in the queue until it is cancelled.
      const holder = await startBackup(operator, { repositoryId, sourcePaths: [source], archiveName: 'docs-holder' });
      const { schedules } = await data<{ schedules: Array<{ id: number }> }>(operator, '{ schedules { id } }');
      const { runSchedule } = await data<{ runSchedule: { id: number; status: string; scheduleId: number; trigger: string } }>(
        operator,
        'mutation($id: Int!) { runSchedule(id: $id) { id status scheduleId trigger } }',
        { id: schedules[0].id },
      );
      expect(runSchedule).toEqual({ id: expect.any(Number), status: 'queued', scheduleId: schedules[0].id, trigger: 'manual' });
      const { cancelJob } = await data<{ cancelJob: { id: number; status: string } }>(
        operator,
        'mutation($id: Int!) { cancelJob(id: $id) { id status } }',
        { id: runSchedule.id },
      );
      expect(cancelJob).toEqual({ id: runSchedule.id, status: 'cancelled' });
      const { retryJob } = await data<{ retryJob: { id: number; status: string; trigger: string } }>(
        operator,
        'mutation($id: Int!) { retryJob(id: $id) { id status trigger } }',
        { id: runSchedule.id },
      );
      expect(retryJob).toEqual({ id: expect.any(Number), status: 'queued', trigger: 'retry' });
      expect((await waitForFinish(admin, holder.id)).status).toBe('completed');
      expect((await waitForFinish(admin, retryJob.id)).status).toBe('completed');
      const conflict = await graphql(operator, 'mutation($id: Int!) { cancelJob(id: $id) { id } }', { id: jobIds[0] }).expect(200);
      expect(conflict.body.errors[0].extensions.code).toBe('CONFLICT');
    });
  });

  describe('limits', () => {
    it('refuses every archive of every repository with every job before running anything', async () => {
      const response = await graphql(
        viewer,
        `
          {
            repositories(first: 200) {
              archives(first: 200) {
                edges {
                  node {
                    name
                    start
                    originalSize
                  }
                }
              }
              latestJob {
                id
              }
            }
            jobs(first: 200) {
              edges {
                node {
                  id
                  status
                  steps {
                    type
                  }
                }
              }
            }
          }
        `,
      ).expect(400);
      expect(response.body.data).toBeUndefined();
      expect(response.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(response.body.errors[0].message).toMatch(/^The query is too complex: it costs \d+, at most 20000 is allowed/);
      expect(response.body.errors[0].extensions.details.complexity).toBeGreaterThan(20_000);
    });

    it('refuses a query nested deeper than 6 levels, fragments followed', async () => {
      const sixDeep = '{ jobs(first: 1) { edges { node { repository { latestJob { id } } } } } }';
      expect(await data(viewer, sixDeep)).toEqual({
        jobs: { edges: [{ node: { repository: { latestJob: { id: expect.any(Number) } } } }] },
      });
      const deep = `query { jobs(first: 1) { edges { node { ...Around } } } }
        fragment Around on Job { repository { latestJob { steps { type } } } }`;
      const response = await graphql(viewer, deep).expect(400);
      expect(response.body.data).toBeUndefined();
      expect(response.body.errors[0].message).toBe('The query nests 7 levels deep; at most 6 are allowed');
      expect(response.body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_DEEP', details: { depth: 7, max_depth: 6 } });
    });
  });
});

describe('GraphQL batched loading', () => {
  let testApp: TestApp;
  let admin: Agent;
  let source: string;
  const queries: string[] = [];

  let lastQueryAt = 0;

  /** Until no SQL query has run for a second: the background work that setting up leaves (archive lists, monitors). */
  async function untilQuiet(): Promise<void> {
    while (Date.now() - lastQueryAt < 1000) await new Promise((resolve) => setTimeout(resolve, 200));
  }

  /** Every SQL query TypeORM runs while `run` is under way (the server is otherwise idle). */
  async function sqlQueriesOf(run: () => Promise<unknown>): Promise<string[]> {
    queries.length = 0;
    await run();
    return [...queries];
  }

  async function addRepositoryWithScheduleAndJob(name: string): Promise<void> {
    const path = join(testApp.work, name);
    const id = (await admin.post('/api/repositories').send({ name, path, encryption: 'none' }).expect(201)).body.data.id;
    await admin.post('/api/schedules').send({ name, repository_id: id, source_path: source, cron_expression: '0 3 * * *' }).expect(201);
    const job = (await admin.post('/api/backups/manual').send({ repository_id: id, source_path: source, dry_run: true }).expect(201)).body
      .data;
    expect((await waitForFinish(admin, job.id, 60_000)).status).toBe('completed');
  }

  /** The same rows as above without running borg: only the number of rows matters to the query count. */
  async function seedRepositoryWithScheduleAndJob(name: string): Promise<void> {
    const dataSource = testApp.app.get(DataSource);
    const [{ id }] = await dataSource.query(`INSERT INTO repositories (name, path, encryption) VALUES (?, ?, 'none') RETURNING id`, [
      name,
      join(testApp.work, name),
    ]);
    await admin.post('/api/schedules').send({ name, repository_id: id, source_path: source, cron_expression: '0 3 * * *' }).expect(201);
    const finished = new Date();
    await dataSource.query(
      `INSERT INTO jobs (type, status, repository_id, parameters, "trigger", created_at, started_at, finished_at, warnings)
       VALUES ('backup', 'completed', ?, ?, 'manual', ?, ?, ?, '[]')`,
      [
        id,
        JSON.stringify({ source_paths: [source], archive_name: name, compression: 'lz4' }),
        sqliteTime(finished),
        sqliteTime(finished),
        sqliteTime(finished),
      ],
    );
  }

  beforeAll(async () => {
    testApp = await startTestApp({ env: { BORGITORY_MONITOR_INTERVAL_SECONDS: '86400', BORGITORY_ARCHIVE_REFRESH_MINUTES: '10080' } });
    admin = await setupAdmin(testApp);
    source = writeTree(join(testApp.work, 'source'), { 'a.txt': 'alpha' });
    await testApp.app.get(DataSource).query('CREATE TEMP TABLE list_cache_buster (x INTEGER)');
    const { logger } = testApp.app.get(DataSource);
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      queries.push(query);
      lastQueryAt = Date.now();
      return logQuery(query, parameters, runner);
    };
  });
  afterAll(() => testApp.close());

  it('runs the same number of SQL queries for repositories { latestJob schedules } with 1 and with 20 repositories', async () => {
    const query = '{ repositories { id name latestJob { id status steps { type } } schedules { id name lastRun { id } } } }';
    const measure = async (expected: number) => {
      // A first request renews the session (once a minute) so that its write is not counted; a write then makes the
      // server read its lists again (they are kept until the database changes), so that both counts read everything.
      await data(admin, query);
      await untilQuiet();
      await testApp.app.get(DataSource).query('INSERT INTO temp.list_cache_buster VALUES (1)');
      let answer: { repositories: Array<{ latestJob: { id: number } | null; schedules: unknown[] }> } | undefined;
      const sql = await sqlQueriesOf(async () => {
        answer = await data(admin, query);
      });
      expect(answer?.repositories).toHaveLength(expected);
      for (const repository of answer?.repositories ?? []) {
        expect(repository.latestJob).not.toBeNull();
        expect(repository.schedules).toHaveLength(1);
      }
      return sql;
    };

    await addRepositoryWithScheduleAndJob('repository-00');
    const withOne = await measure(1);
    const more = Array.from({ length: 19 }, (_, i) => `repository-${String(i + 1).padStart(2, '0')}`);
    for (const name of more) await seedRepositoryWithScheduleAndJob(name);
    const withTwenty = await measure(20);

    process.stdout.write(
      `SQL queries for repositories { latestJob schedules }: 1 repository ${withOne.length}, 20 repositories ${withTwenty.length}\n` +
        withTwenty.map((sql) => `  ${sql.replace(/\s+/g, ' ').slice(0, 160)}\n`).join(''),
    );
    expect(withTwenty.length).toBe(withOne.length);
    expect(withOne.length).toBeLessThanOrEqual(8);
  });
});
