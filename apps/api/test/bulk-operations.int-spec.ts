import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { writeTree } from '@borgitory/borg-runner/testing';
import { borgCli } from './support/borg-cli';
import { getJob, JobBody, waitForFinish, waitForJob } from './support/job-client';
import { writeManyFiles } from './support/source-tree';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

const PASSWORD = 'correct horse battery staple';
const MISSING = 999_999;

interface BulkItem {
  id: number;
  status: 'succeeded' | 'failed';
  error?: { code: string; message: string };
}

describe('bulk operations on real borg', () => {
  let testApp: TestApp;
  let admin: Agent;
  let work: string;
  let small: string;
  const users: Record<'viewer' | 'operator', Agent> = {} as Record<'viewer' | 'operator', Agent>;

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await setupAdmin(testApp);
    work = testApp.work;
    small = writeTree(join(work, 'small'), { 'a.txt': 'alpha\n', 'b/c.txt': 'gamma\n' });
    for (const role of ['viewer', 'operator'] as const) {
      await admin.post('/api/users').send({ username: role, password: PASSWORD, role }).expect(201);
      users[role] = testApp.http();
      await users[role].post('/api/auth/login').send({ username: role, password: PASSWORD }).expect(200);
    }
  });
  afterAll(() => testApp.close());

  let repositoryCount = 0;
  async function newRepository(): Promise<{ id: number; path: string }> {
    const path = join(work, `repo-${++repositoryCount}`);
    const created = await admin
      .post('/api/repositories')
      .send({ name: `Repo ${repositoryCount}`, path, encryption: 'none' })
      .expect(201);
    return { id: created.body.data.id, path };
  }
  const backup = async (repositoryId: number, source: string): Promise<number> =>
    (await admin.post('/api/backups/manual').send({ repository_id: repositoryId, source_path: source }).expect(201)).body.data.id;
  const jobsBulk = (body: unknown, agent = admin) => agent.post('/api/jobs/bulk').send(body as object);
  const schedulesBulk = (body: unknown, agent = admin) => agent.post('/api/schedules/bulk').send(body as object);
  const resultsOf = (response: { body: { data: { results: BulkItem[] } } }) => response.body.data.results;

  /** The newest audit entry of an operation (written once the answer has gone out). */
  async function auditOf(action: string): Promise<{ target: Record<string, string>; status: number }> {
    for (let tries = 0; tries < 100; tries++) {
      const entries: { action: string; target: Record<string, string>; status: number }[] = (
        await admin.get('/api/audit').query({ limit: 20 }).expect(200)
      ).body.data;
      const entry = entries.find((candidate) => candidate.action === action);
      if (entry) return entry;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no audit entry for ${action}`);
  }

  it('cancels 10 running and queued jobs in one call, recorded as one audit entry', async () => {
    const repository = await newRepository();
    const big = writeManyFiles(join(work, 'big'), 20_000);
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) ids.push(await backup(repository.id, big));
    await waitForJob(admin, ids[0], (job) => job.status === 'running');
    expect((await getJob(admin, ids[9])).status).toBe('queued');

    const newestFirst = [...ids].reverse();
    const cancelled = await jobsBulk({ action: 'cancel', ids: newestFirst }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'success', message: 'Bulk operation done' });
    expect(resultsOf(cancelled)).toEqual(newestFirst.map((id) => ({ id, status: 'succeeded' })));
    for (const id of ids) expect((await waitForFinish(admin, id, 60_000)).status).toBe('cancelled');

    const entry = await auditOf('POST /api/v1/jobs/bulk');
    expect(entry).toMatchObject({ status: 200, target: { action: 'cancel', ids: newestFirst.join(',') } });
    rmSync(big, { recursive: true });
  });

  it('retries failed jobs; valid and missing ids together give 207 with each outcome', async () => {
    const gone = await newRepository();
    rmSync(gone.path, { recursive: true });
    const failed = [await backup(gone.id, small), await backup(gone.id, small)];
    for (const id of failed) expect((await waitForFinish(admin, id, 60_000)).status).toBe('failed');
    const healthy = await newRepository();
    const completed = await backup(healthy.id, small);
    expect((await waitForFinish(admin, completed, 60_000)).status).toBe('completed');

    const retried = await jobsBulk({ action: 'retry', ids: [failed[0], MISSING, completed, failed[1]] }).expect(207);
    expect(resultsOf(retried)).toEqual([
      { id: failed[0], status: 'succeeded' },
      { id: MISSING, status: 'failed', error: { code: 'NOT_FOUND', message: `Job ${MISSING} does not exist` } },
      {
        id: completed,
        status: 'failed',
        error: { code: 'CONFLICT', message: `Only failed, cancelled or interrupted jobs can be retried; job ${completed} is completed` },
      },
      { id: failed[1], status: 'succeeded' },
    ]);
    const jobs: JobBody[] = (await admin.get('/api/jobs').query({ repository_id: gone.id }).expect(200)).body.data;
    const retries = jobs.filter((job) => job.retry_of_id !== null);
    expect(retries.map((job) => job.retry_of_id).sort()).toEqual([...failed].sort());
    for (const job of retries) await waitForFinish(admin, job.id, 60_000);

    // Every item failing is a 207 too: the body says why for each.
    const none = await jobsBulk({ action: 'cancel', ids: [completed, MISSING] }).expect(207);
    expect(resultsOf(none).map((item) => [item.id, item.status, item.error?.code])).toEqual([
      [completed, 'failed', 'CONFLICT'],
      [MISSING, 'failed', 'NOT_FOUND'],
    ]);
  });

  it('refuses more than 500 ids, an empty list, duplicates, non-integer ids and unknown actions with 422', async () => {
    const many = Array.from({ length: 501 }, (_, i) => i + 1);
    const tooMany = await jobsBulk({ action: 'cancel', ids: many }).expect(422);
    expect(tooMany.body.error.details.ids).toBeDefined();
    await schedulesBulk({ action: 'disable', ids: many }).expect(422);
    await jobsBulk({ action: 'cancel', ids: Array.from({ length: 500 }, (_, i) => MISSING + i) }).expect(207);
    for (const ids of [[], [1, 1], ['1'], [1.5], [0], 'all']) await jobsBulk({ action: 'cancel', ids }).expect(422);
    await jobsBulk({ action: 'delete', ids: [1] }).expect(422);
    await schedulesBulk({ action: 'toggle', ids: [1] }).expect(422);
    await jobsBulk({ ids: [1] }).expect(422);
  });

  it('enables, disables, runs and deletes schedules; a missing id fails alone', async () => {
    const repository = await newRepository();
    const ids: number[] = [];
    for (const name of ['First', 'Second', 'Third']) {
      const body = { name, repository_id: repository.id, source_path: small, cron_expression: '0 2 * * *' };
      ids.push((await admin.post('/api/schedules').send(body).expect(201)).body.data.id);
    }
    const enabledOf = async () =>
      Promise.all(ids.map(async (id) => (await admin.get(`/api/schedules/${id}`).expect(200)).body.data.enabled as boolean));
    const missing = { id: MISSING, status: 'failed', error: { code: 'NOT_FOUND', message: `Schedule ${MISSING} does not exist` } };

    const disabled = await schedulesBulk({ action: 'disable', ids: [...ids, MISSING] }).expect(207);
    expect(resultsOf(disabled)).toEqual([...ids.map((id) => ({ id, status: 'succeeded' })), missing]);
    expect(await enabledOf()).toEqual([false, false, false]);
    // Already disabled: succeeds and stays so.
    await schedulesBulk({ action: 'disable', ids: [ids[0]] }).expect(200);
    await schedulesBulk({ action: 'enable', ids: [ids[0], ids[1]] }).expect(200);
    expect(await enabledOf()).toEqual([true, true, false]);

    const ran = await schedulesBulk({ action: 'run', ids: [ids[2], MISSING] }).expect(207);
    expect(resultsOf(ran)).toEqual([{ id: ids[2], status: 'succeeded' }, missing]);
    const runs: JobBody[] = (await admin.get(`/api/schedules/${ids[2]}/runs`).expect(200)).body.data;
    expect(runs).toHaveLength(1);
    expect((await waitForFinish(admin, runs[0].id, 60_000)).status).toBe('completed');

    const deleted = await schedulesBulk({ action: 'delete', ids: [MISSING, ...ids] }).expect(207);
    expect(resultsOf(deleted)).toEqual([missing, ...ids.map((id) => ({ id, status: 'succeeded' }))]);
    for (const id of ids) await admin.get(`/api/schedules/${id}`).expect(404);
    expect(await auditOf('POST /api/v1/schedules/bulk')).toMatchObject({
      status: 207,
      target: { action: 'delete', ids: [MISSING, ...ids].join(',') },
    });
  });

  it('asks each action for the role of its single-item operation', async () => {
    const repository = await newRepository();
    const body = { name: 'Operated', repository_id: repository.id, source_path: small, cron_expression: '0 3 * * *' };
    const id = (await admin.post('/api/schedules').send(body).expect(201)).body.data.id;
    await jobsBulk({ action: 'cancel', ids: [1] }, users.viewer).expect(403);
    await schedulesBulk({ action: 'disable', ids: [id] }, users.viewer).expect(403);
    await users.viewer
      .post(`/api/repositories/${repository.id}/archives/delete`)
      .send({ names: ['x'] })
      .expect(403);
    await users.operator
      .post(`/api/repositories/${repository.id}/archives/delete`)
      .send({ names: ['x'] })
      .expect(403);
    // Deleting a schedule needs an operator (DELETE /api/schedules/{id}), so the bulk delete does too.
    const deleted = await schedulesBulk({ action: 'delete', ids: [id] }, users.operator).expect(200);
    expect(resultsOf(deleted)).toEqual([{ id, status: 'succeeded' }]);
    await admin.get(`/api/schedules/${id}`).expect(404);
  });

  it('deletes 30 archives in one job with one borg delete, then compacts; the catalog forgets them', async () => {
    const repository = await newRepository();
    const cli = { baseDir: join(work, 'cli-base') };
    const names = Array.from({ length: 30 }, (_, i) => `bulk-${String(i + 1).padStart(2, '0')}`);
    names[7] = 'with space';
    names[8] = '-starts-with-dash';
    for (const name of names) borgCli(['create', '--', `${repository.path}::${name}`, small], cli);
    borgCli(['create', '--', `${repository.path}::keep-me`, small], cli);
    const listed = await admin.get(`/api/repositories/${repository.id}/archives?refresh=true&limit=100`).expect(200);
    expect(listed.body.meta.total).toBe(31);
    const url = `/api/repositories/${repository.id}/archives/delete`;
    const deletions = async () => (await admin.get('/api/jobs?type=delete_archive').expect(200)).body.meta.total as number;
    const before = await deletions();

    const missing = await admin
      .post(url)
      .send({ names: [names[0], 'not-there', 'nor-this'] })
      .expect(422);
    expect(missing.body.error.message).toBe(`Not archives of repository ${repository.id}: "not-there", "nor-this"`);
    await admin
      .post(url)
      .send({ names: Array.from({ length: 501 }, (_, i) => `a${i}`) })
      .expect(422);
    await admin.post(url).send({ names: [] }).expect(422);
    await admin
      .post(url)
      .send({ names: [names[0], names[0]] })
      .expect(422);
    expect(await deletions()).toBe(before);

    const answer = await admin.post(url).send({ names, compact: true });
    expect([200, 202]).toContain(answer.status);
    const job = await waitForFinish(admin, answer.body.data.id, 120_000);
    expect(job).toMatchObject({ type: 'delete_archive', status: 'completed', result: { archive_name: names[0], archive_names: names } });
    expect((job.steps as { type: string; status: string }[]).map((step) => [step.type, step.status])).toEqual([
      ['delete_archive', 'completed'],
      ['compact', 'completed'],
    ]);
    expect(await deletions()).toBe(before + 1);

    const log = (await admin.get(`/api/jobs/${job.id}/logs?format=text`).expect(200)).text;
    const deleteLines = log.split('\n').filter((line) => /borg delete/.test(line));
    expect(deleteLines).toHaveLength(1);
    const named = names.map((name) => (name === 'with space' ? `'${name}'` : name)).join(' ');
    expect(deleteLines[0]).toMatch(/ INFO Running: borg delete REPOSITORY::/);
    expect(deleteLines[0].endsWith(`REPOSITORY::${named}`)).toBe(true);
    expect(log.split('\n').filter((line) => /borg compact/.test(line))).toHaveLength(1);

    expect(borgCli(['list', '--short', repository.path], cli).trim()).toBe('keep-me');
    const after = await admin.get(`/api/repositories/${repository.id}/archives`).expect(200);
    expect(after.body.data.map((archive: { name: string }) => archive.name)).toEqual(['keep-me']);
    const entry = await auditOf('POST /api/v1/repositories/{id}/archives/delete');
    expect(entry.target).toMatchObject({ id: String(repository.id), names: names.join(','), compact: 'true' });
  });
});
