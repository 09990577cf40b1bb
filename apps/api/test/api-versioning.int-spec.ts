import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Agent, Response } from 'supertest';
import { DataSource } from 'typeorm';
import { VersionedAuditActions1764395000000 } from '../src/migrations/1764395000000-versioned-audit-actions';
import { browseWhenIndexed } from './support/archive-client';
import { openEvents, waitForFinish } from './support/job-client';
import { ADMIN, setupAdmin, startTestApp, TestApp } from './support/test-app';

const SPEC_FILE = join(__dirname, '..', '..', '..', 'libs/api-client/openapi.json');

interface Step {
  step: string;
  status: number;
  shape: unknown;
}

/** What an answer looks like, without the values that differ between two walks (ids, names, times). */
function shapeOf(response: Response): unknown {
  const type = response.headers['content-type']?.split(';')[0];
  if (type !== 'application/json') return type;
  const body = response.body as { status?: string; data?: unknown; message?: string; meta?: object; error?: { code: string } };
  const data = Array.isArray(body.data) ? body.data[0] : body.data;
  return {
    status: body.status,
    list: Array.isArray(body.data),
    fields: data !== null && typeof data === 'object' ? Object.keys(data).sort() : typeof data,
    meta: body.meta ? Object.keys(body.meta).sort() : null,
    message: body.message ?? null,
    error: body.error?.code ?? null,
  };
}

describe('API versioning', () => {
  let testApp: TestApp;
  let admin: Agent;
  let source: string;
  let baseUrl: string;
  let cookie: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await setupAdmin(testApp);
    await testApp.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;
    const login = await testApp.http().post('/api/v1/auth/login').send(ADMIN).expect(200);
    cookie = ([] as string[])
      .concat(login.headers['set-cookie'] ?? [])
      .map((value) => value.split(';')[0])
      .join('; ');
    source = join(testApp.work, 'documents');
    mkdirSync(source);
    writeFileSync(join(source, 'report.txt'), 'Quarterly report\n');
    writeFileSync(join(source, 'scratch.tmp'), 'left out\n');
  });
  afterAll(() => testApp.close());

  /** Every example of the seed's API reference, in its order, under one prefix; `tag` keeps the two walks apart. */
  async function walkSeed(prefix: string, tag: string): Promise<Step[]> {
    const steps: Step[] = [];
    const call = async (step: string, request: Promise<Response>): Promise<Response> => {
      const response = await request;
      steps.push({ step, status: response.status, shape: shapeOf(response) });
      return response;
    };

    await call('list repositories', admin.get(`${prefix}/repositories`));
    const repositoryPath = join(testApp.work, `repository-${tag}`);
    const created = await call(
      'create repository',
      admin.post(`${prefix}/repositories`).send({ name: `My Backup Repo ${tag}`, path: repositoryPath, passphrase: 'secure-passphrase' }),
    );
    const repositoryId: number = created.body.data.id;
    const repository = `${prefix}/repositories/${repositoryId}`;
    await call('get repository', admin.get(repository));
    await call('update repository', admin.put(repository).send({ name: `Updated Repo Name ${tag}`, path: repositoryPath }));
    await call('test repository', admin.post(`${repository}/test`));

    const backup = await call(
      'manual backup',
      admin.post(`${prefix}/backups/manual`).send({
        repository_id: repositoryId,
        source_path: source,
        archive_name: `documents-${tag}-{now:%Y%m%d-%H%M%S}`,
        compression: 'lz4',
        exclude_patterns: ['*.tmp', '*.log'],
      }),
    );
    const jobId: number = backup.body.data.id;
    expect((await waitForFinish(admin, jobId, 60_000)).status).toBe('completed');
    const archives = await call('list archives', admin.get(`${repository}/archives`));
    const archive = `${repository}/archives/${encodeURIComponent(archives.body.data[0].name)}`;
    await call('archive details', admin.get(archive));
    const browsed = await browseWhenIndexed(admin, `${archive}/browse?path=${encodeURIComponent(source)}`);
    steps.push({ step: 'browse archive', status: browsed.status, shape: shapeOf(browsed) });
    const download = await call('download file', admin.get(`${archive}/download`).query({ path: join(source, 'report.txt') }));
    expect(download.text).toBe('Quarterly report\n');

    await call('list schedules', admin.get(`${prefix}/schedules`));
    const schedule = await call(
      'create schedule',
      admin.post(`${prefix}/schedules`).send({
        name: `Daily Documents Backup ${tag}`,
        repository_id: repositoryId,
        source_path: source,
        cron_expression: '0 2 * * *',
        enabled: true,
        compression: 'lz4',
      }),
    );
    const schedulePath = `${prefix}/schedules/${schedule.body.data.id}`;
    await call('update schedule', admin.put(schedulePath).send({ cron_expression: '30 3 * * *' }));
    await call('toggle schedule', admin.post(`${schedulePath}/toggle`));
    await call('delete schedule', admin.delete(schedulePath));

    await call('list jobs', admin.get(`${prefix}/jobs?status=running&limit=50&offset=0`));
    await call('get job', admin.get(`${prefix}/jobs/${jobId}`));
    await call('cancel finished job', admin.post(`${prefix}/jobs/${jobId}/cancel`));
    await call('job logs', admin.get(`${prefix}/jobs/${jobId}/logs`));
    const stream = await openEvents(`${baseUrl}${prefix}/jobs/${jobId}/stream`, { Cookie: cookie });
    stream.close();
    steps.push({ step: 'stream job', status: stream.status, shape: stream.headers['content-type'] });
    await call('retry completed job', admin.post(`${prefix}/jobs/${jobId}/retry`));

    await call('list cloud configurations', admin.get(`${prefix}/cloud-sync/configs`));
    const target = join(testApp.work, `offsite-${tag}`);
    mkdirSync(target);
    const config = await call(
      'create cloud configuration',
      admin.post(`${prefix}/cloud-sync/configs`).send({ name: `Offsite ${tag}`, provider: 'local', provider_config: { path: target } }),
    );
    const configId: number = config.body.data.id;
    await call('test cloud connection', admin.post(`${prefix}/cloud-sync/configs/${configId}/test`));
    const sync = await call(
      'manual cloud sync',
      admin.post(`${prefix}/cloud-sync/sync`).send({ repository_id: repositoryId, cloud_sync_config_id: configId }),
    );
    expect((await waitForFinish(admin, sync.body.data.id, 60_000)).status).toBe('completed');
    await call('list providers', admin.get(`${prefix}/cloud-sync/providers`));

    await call('delete archive', admin.delete(archive));
    await call('delete repository', admin.delete(repository));
    // Not in the seed: so that the next walk starts from the same lists.
    await admin.delete(`${prefix}/cloud-sync/configs/${configId}`).expect(204);
    return steps;
  }

  it('gives the same answers to every seed example at /api/v1 and at its alias /api', async () => {
    const versioned = await walkSeed('/api/v1', 'v1');
    const alias = await walkSeed('/api', 'alias');
    expect(versioned.map(({ step, status }) => `${step}: ${status}`)).toEqual([
      'list repositories: 200',
      'create repository: 201',
      'get repository: 200',
      'update repository: 200',
      'test repository: 200',
      'manual backup: 201',
      'list archives: 200',
      'archive details: 200',
      'browse archive: 200',
      'download file: 200',
      'list schedules: 200',
      'create schedule: 201',
      'update schedule: 200',
      'toggle schedule: 200',
      'delete schedule: 204',
      'list jobs: 200',
      'get job: 200',
      'cancel finished job: 409',
      'job logs: 200',
      'stream job: 200',
      'retry completed job: 409',
      'list cloud configurations: 200',
      'create cloud configuration: 201',
      'test cloud connection: 200',
      'manual cloud sync: 201',
      'list providers: 200',
      'delete archive: 204',
      'delete repository: 204',
    ]);
    expect(alias).toEqual(versioned);
  }, 180_000);

  it('says API-Version: 1 on every answer: the API, its alias, errors, the docs and the metrics', async () => {
    const anonymous = testApp.http();
    const answers = [
      await anonymous.get('/api/v1/health').expect(200),
      await anonymous.get('/api/health').expect(200),
      await anonymous.get('/api/v1/repositories').expect(401),
      await anonymous.get('/api/v1/no-such-route').expect(404),
      await anonymous.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"username":').expect(400),
      await anonymous.get('/openapi.json').expect(200),
      await anonymous.get('/docs').expect(200),
      await anonymous.get('/metrics').expect(401),
    ];
    for (const answer of answers) expect(answer.headers['api-version']).toBe('1');
  });

  it('refuses a version that does not exist, naming the one it speaks', async () => {
    const response = await testApp.http().get('/api/v2/health').expect(404);
    expect(response.body.error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'API version 2 does not exist; this server speaks version 1 (/api/v1)',
    });
  });

  it('documents every operation under /api/v1 (the metrics aside) and the version header on its answers', () => {
    const spec = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as {
      paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>>;
    };
    const outside = Object.keys(spec.paths).filter((path) => !path.startsWith('/api/v1/'));
    expect(outside).toEqual(['/metrics']);
    const login = spec.paths['/api/v1/auth/login']['post'];
    expect(login.responses['200'].headers).toEqual({ 'API-Version': { $ref: '#/components/headers/API-Version' } });
  });

  describe('a deprecated operation: POST /api/v1/cloud-sync/sync, replaced by POST /api/v1/cloud-sync/configs/{id}/sync', () => {
    let repositoryId: number;
    let configId: number;

    beforeAll(async () => {
      const repository = await admin
        .post('/api/v1/repositories')
        .send({ name: 'Deprecations', path: join(testApp.work, 'repository-deprecations'), encryption: 'none' })
        .expect(201);
      repositoryId = repository.body.data.id;
      const target = join(testApp.work, 'offsite-deprecations');
      mkdirSync(target);
      const config = await admin
        .post('/api/v1/cloud-sync/configs')
        .send({ name: 'Offsite deprecations', provider: 'local', provider_config: { path: target } })
        .expect(201);
      configId = config.body.data.id;
    });

    it('is marked deprecated in the document, with its successor and the day it may go', () => {
      const spec = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as {
        paths: Record<
          string,
          Record<string, { deprecated?: boolean; description?: string; responses: Record<string, { headers?: object }> }>
        >;
      };
      const deprecated = Object.entries(spec.paths).flatMap(([path, item]) =>
        Object.entries(item).flatMap(([method, operation]) => (operation.deprecated ? [`${method.toUpperCase()} ${path}`] : [])),
      );
      expect(deprecated).toEqual(['POST /api/v1/cloud-sync/sync']);
      const operation = spec.paths['/api/v1/cloud-sync/sync']['post'];
      expect(operation.description).toContain('Deprecated since 2026-12-05: use `POST /api/v1/cloud-sync/configs/{id}/sync`');
      expect(operation.description).toContain('It keeps working until 2027-12-31');
      expect(Object.keys(operation.responses['201'].headers ?? {})).toEqual(['Deprecation', 'Sunset', 'Link', 'API-Version']);
    });

    it('answers with Deprecation, Sunset and a Link to its successor, at both prefixes; the successor with none', async () => {
      for (const prefix of ['/api/v1', '/api']) {
        const response = await admin
          .post(`${prefix}/cloud-sync/sync`)
          .send({ repository_id: repositoryId, cloud_sync_config_id: configId })
          .expect(201);
        expect(response.headers['deprecation']).toBe(`@${Date.UTC(2026, 11, 5) / 1000}`);
        expect(response.headers['sunset']).toBe('Fri, 31 Dec 2027 23:59:59 GMT');
        expect(response.headers['link']).toBe('</redoc#operation/cloudSyncSyncWith>; rel="successor-version"');
        await waitForFinish(admin, response.body.data.id, 60_000);
      }
      const successor = await admin.post(`/api/v1/cloud-sync/configs/${configId}/sync`).send({ repository_id: repositoryId }).expect(201);
      expect(successor.body.data).toMatchObject({ type: 'cloud_sync', repository_id: repositoryId });
      expect(successor.headers['deprecation']).toBeUndefined();
      expect(successor.headers['sunset']).toBeUndefined();
      expect((await waitForFinish(admin, successor.body.data.id, 60_000)).status).toBe('completed');
    });

    it('the successor answers 404 for a configuration that does not exist and 422 for a repository that does not', async () => {
      const missing = await admin.post('/api/v1/cloud-sync/configs/999999/sync').send({ repository_id: repositoryId }).expect(404);
      expect(missing.body.error.message).toBe('Cloud sync configuration 999999 does not exist');
      const noRepository = await admin.post(`/api/v1/cloud-sync/configs/${configId}/sync`).send({ repository_id: 999999 }).expect(422);
      expect(Object.keys(noRepository.body.error.details)).toEqual(['repository_id']);
    });
  });

  it('keeps the device cookie on the login path of the prefix the client uses', async () => {
    for (const prefix of ['/api/v1', '/api']) {
      const login = await testApp.http().post(`${prefix}/auth/login`).send(ADMIN).expect(200);
      const cookies = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
      expect(cookies.find((cookie) => cookie.startsWith('borgitory.device='))).toContain(`Path=${prefix}/auth/login;`);
    }
  });

  it('names audit entries by the canonical path, whichever prefix was used, and renames the older ones', async () => {
    const dataSource = testApp.app.get(DataSource);
    const actions = async (): Promise<string[]> =>
      (await dataSource.query(`SELECT DISTINCT action FROM audit_entries WHERE action LIKE '%/auth/login'`)).map(
        (row: { action: string }) => row.action,
      );
    expect(await actions()).toEqual(['POST /api/v1/auth/login']);
    await dataSource.query(
      `INSERT INTO audit_entries (occurred_at, username, address, action, target, status, outcome) VALUES (?, 'admin', '127.0.0.1', 'POST /api/auth/login', '{}', 200, 'succeeded')`,
      [new Date().toISOString()],
    );
    const runner = dataSource.createQueryRunner();
    try {
      await new VersionedAuditActions1764395000000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await actions()).toEqual(['POST /api/v1/auth/login']);
  });
});
