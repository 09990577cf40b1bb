import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Agent } from 'supertest';
import { JOB_STEP_TYPES, JOB_TYPES } from '@borgitory/job-states';
import { JobParametersSnakeCase1764290000000 } from '../src/migrations/1764290000000-job-parameters-snake-case';
import { DataSource } from 'typeorm';
import { getJob, JobBody, waitForFinish } from './support/job-client';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

const SPEC_FILE = join(__dirname, '..', '..', '..', 'libs/api-client/openapi.json');

type Schema = Record<string, unknown>;

/** OpenAPI 3.0 says `nullable: true` beside a schema; JSON Schema says "that schema, or null". */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const entries = Object.entries(schema as Schema).map(([key, value]) => [key, key === 'example' ? value : toJsonSchema(value)]);
  const { nullable, ...rest } = Object.fromEntries(entries) as Schema;
  const ref =
    typeof rest['$ref'] === 'string' ? { ...rest, $ref: (rest['$ref'] as string).replace('#/components/schemas/', '#/$defs/') } : rest;
  return nullable === true ? { anyOf: [ref, { type: 'null' }] } : ref;
}

/** The committed OpenAPI document's JobDto, as a validator that lists every way an answer departs from it. */
function jobValidator(): ValidateFunction {
  const spec = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as { components: { schemas: Record<string, Schema> } };
  const defs = toJsonSchema(spec.components.schemas) as Record<string, Schema>;
  // Closed objects: a field that the contract does not declare is a departure too.
  for (const def of Object.values(defs)) if (def['type'] === 'object' && def['properties']) def['additionalProperties'] ??= false;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile({ $defs: defs, $ref: '#/$defs/JobDto' });
}

/**
 * Real jobs of every type, each read back through the API and checked against the committed OpenAPI document's
 * JobDto (a union told apart by `type`): the parameters and the result each type declares, and nothing else.
 */
describe('the job contract', () => {
  let testApp: TestApp;
  let agent: Agent;
  let validate: ValidateFunction;
  let repositoryId: number;
  let source: string;
  const seen: JobBody[] = [];

  async function finished(started: { body: { data: JobBody } }): Promise<JobBody> {
    const job = await waitForFinish(agent, started.body.data.id, 120_000);
    expect({ id: job.id, type: job['type'], status: job.status, error: job.error }).toEqual({
      id: job.id,
      type: job['type'],
      status: 'completed',
      error: null,
    });
    seen.push(job);
    return job;
  }

  function departures(job: JobBody): string[] {
    return validate(job) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  }

  beforeAll(async () => {
    validate = jobValidator();
    testApp = await startTestApp();
    agent = await setupAdmin(testApp);
    source = join(testApp.work, 'source');
    mkdirSync(join(source, 'docs'), { recursive: true });
    writeFileSync(join(source, 'docs', 'a.txt'), 'alpha\n');
    const repository = await agent
      .post('/api/repositories')
      .send({ name: 'Contract', path: join(testApp.work, 'repo'), encryption: 'none' })
      .expect(201);
    repositoryId = repository.body.data.id;
  });
  afterAll(() => testApp.close());

  it('holds for a backup, a restore, a prune, a check, a cloud sync, an archive deletion and a scheduled run', async () => {
    const backup = await finished(
      await agent.post('/api/backups/manual').send({ repository_id: repositoryId, source_path: source, comment: 'contract' }).expect(201),
    );
    const archive = (backup['result'] as { archive_name: string }).archive_name;

    const destination = join(testApp.work, 'restored');
    mkdirSync(destination);
    await finished(
      await agent
        .post(`/api/repositories/${repositoryId}/archives/${encodeURIComponent(archive)}/restore`)
        .send({ paths: ['/'], destination })
        .expect(201),
    );

    const pruning = await agent.post('/api/pruning-policies').send({ name: 'Keep 2', keep_last: 2, compact_after: true }).expect(201);
    await finished(
      await agent.post(`/api/repositories/${repositoryId}/prune`).send({ pruning_policy_id: pruning.body.data.id }).expect(201),
    );

    const checking = await agent.post('/api/check-policies').send({ name: 'Segments', scope: 'repository_only' }).expect(201);
    await finished(
      await agent.post(`/api/repositories/${repositoryId}/check`).send({ check_policy_id: checking.body.data.id }).expect(201),
    );

    const target = join(testApp.work, 'offsite');
    mkdirSync(target);
    const cloud = await agent
      .post('/api/cloud-sync/configs')
      .send({ name: 'Offsite', provider: 'local', provider_config: { path: target } })
      .expect(201);
    await finished(
      await agent.post('/api/cloud-sync/sync').send({ repository_id: repositoryId, cloud_sync_config_id: cloud.body.data.id }).expect(201),
    );

    const schedule = await agent
      .post('/api/schedules')
      .send({
        name: 'Every step',
        repository_id: repositoryId,
        source_path: source,
        cron_expression: '0 3 * * *',
        enabled: false,
        pruning_policy_id: pruning.body.data.id,
        check_policy_id: checking.body.data.id,
        cloud_sync_config_id: cloud.body.data.id,
        pre_hooks: [{ name: 'Before', command: ['true'] }],
        post_hooks: [{ name: 'After', command: ['true'] }],
      })
      .expect(201);
    await finished(await agent.post(`/api/schedules/${schedule.body.data.id}/run`).expect(201));

    // 204 once the deletion has finished within the request's wait, 202 with the job when it takes longer.
    const removed = await agent.delete(`/api/repositories/${repositoryId}/archives/${encodeURIComponent(archive)}`);
    expect([202, 204]).toContain(removed.status);
    const [deletion] = (await agent.get('/api/jobs?type=delete_archive').expect(200)).body.data as JobBody[];
    await finished({ body: { data: deletion } });

    // compact is only ever a step (after a prune); every other type is a job of its own here.
    expect(new Set(seen.map((job) => job['type']))).toEqual(new Set(JOB_TYPES.filter((type) => type !== 'compact')));
    const stepTypes = seen.flatMap((job) => (job['steps'] as Array<{ type: string }>).map((step) => step.type));
    expect(new Set(stepTypes)).toEqual(new Set(JOB_STEP_TYPES));
    for (const job of seen)
      expect({ id: job.id, type: job['type'], departures: departures(job) }).toEqual({ id: job.id, type: job['type'], departures: [] });
    for (const job of seen) {
      const listed = (await agent.get(`/api/jobs?type=${job['type'] as string}&limit=100`).expect(200)).body.data as JobBody[];
      expect(departures(listed.find((entry) => entry.id === job.id) as JobBody)).toEqual([]);
    }
  });

  it('refuses what the contract does not declare', async () => {
    const job = await getJob(agent, seen[0].id);
    expect(departures(job)).toEqual([]);
    expect(departures({ ...job, parameters: { ...(job['parameters'] as object), source_paths: 'not a list' } })).not.toEqual([]);
    expect(departures({ ...job, result: { ...(job['result'] as object), archive: 'an undeclared field' } })).not.toEqual([]);
    expect(departures({ ...job, type: 'restore' })).not.toEqual([]);
  });

  it('renames the prune rules and check options of jobs stored by an older version', async () => {
    const dataSource = testApp.app.get(DataSource);
    const insert = async (table: 'jobs' | 'job_steps', type: string, parameters: object): Promise<number> => {
      if (table === 'jobs') {
        const result = await dataSource.query(
          `INSERT INTO jobs (type, status, repository_id, parameters, trigger, created_at, warnings) VALUES (?, 'completed', ?, ?, 'manual', ?, '[]') RETURNING id`,
          [type, repositoryId, JSON.stringify(parameters), new Date().toISOString()],
        );
        return result[0].id;
      }
      const result = await dataSource.query(
        `INSERT INTO job_steps (job_id, position, type, status, parameters) VALUES (?, 9, ?, 'completed', ?) RETURNING id`,
        [seen[0].id, type, JSON.stringify(parameters)],
      );
      return result[0].id;
    };
    const prune = await insert('jobs', 'prune', {
      pruning_policy_id: 1,
      policy_name: 'Old',
      rules: { keepDaily: 7, keepWithin: '2d', globArchives: 'docs-*' },
      compact_after: false,
      dry_run: false,
    });
    const checkStep = await insert('job_steps', 'check', {
      check_policy_id: null,
      policy_name: null,
      options: { repositoryOnly: true, verifyData: false, maxDuration: 60 },
      repair: false,
    });
    const runner = dataSource.createQueryRunner();
    try {
      await new JobParametersSnakeCase1764290000000().up(runner);
    } finally {
      await runner.release();
    }
    const read = async (table: string, id: number) =>
      JSON.parse((await dataSource.query(`SELECT parameters FROM ${table} WHERE id = ?`, [id]))[0].parameters);
    expect((await read('jobs', prune)).rules).toEqual({ keep_daily: 7, keep_within: '2d', glob_archives: 'docs-*' });
    expect((await read('job_steps', checkStep)).options).toEqual({ repository_only: true, verify_data: false, max_duration: 60 });
  });
});
