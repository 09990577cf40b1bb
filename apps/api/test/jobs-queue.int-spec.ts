import { Logger } from '@nestjs/common';
import type { Agent } from 'supertest';
import { DataSource } from 'typeorm';
import { JobExecutorRegistry } from '../src/jobs/engine/job-executor-registry';
import { JobsService } from '../src/jobs/jobs.service';
import { enqueueStandIn, OutcomeExecutor, registerStandIn, RunRecord, SleepingExecutor, waitUntil } from './support/job-executors';
import { isAlive } from '@borgitory/borg-runner/testing';
import { waitForFinish } from './support/job-client';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

const overlap = (a: RunRecord, b: RunRecord) => a.start < b.end && b.start < a.end;

describe('the job queue', () => {
  let testApp: TestApp;
  let agent: Agent;
  let jobs: JobsService;
  let sleeper: SleepingExecutor;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { BORGITORY_MAX_CONCURRENT_JOBS: '2' } });
    agent = await setupAdmin(testApp);
    jobs = testApp.app.get(JobsService);
    sleeper = new SleepingExecutor('check');
    const registry = testApp.app.get(JobExecutorRegistry);
    registerStandIn(registry, sleeper);
    registerStandIn(registry, new OutcomeExecutor('compact'));
  });
  afterAll(() => testApp.close());

  const statusOf = async (id: number) => (await agent.get(`/api/jobs/${id}`).expect(200)).body.data.status;
  const runOf = (jobId: number) => sleeper.runs.find((run) => run.jobId === jobId) as RunRecord;

  it('persists a job before it runs', async () => {
    const dataSource = testApp.app.get(DataSource);
    const seenByExecutor: unknown[] = [];
    registerStandIn(testApp.app.get(JobExecutorRegistry), {
      type: 'cloud_sync',
      run: async (context) => {
        seenByExecutor.push(...(await dataSource.query('SELECT status, parameters FROM jobs WHERE id = ?', [context.jobId])));
        return { status: 'completed', result: null, warnings: [] };
      },
    });
    const job = await enqueueStandIn(jobs, { type: 'cloud_sync', repositoryId: null, parameters: { target: 'offsite' } });
    expect(job).toMatchObject({
      type: 'cloud_sync',
      status: 'queued',
      repository_id: null,
      parameters: { target: 'offsite' },
      trigger: 'manual',
      retry_of_id: null,
      started_at: null,
      finished_at: null,
      error: null,
      log_truncated: false,
      steps: [{ position: 1, type: 'cloud_sync', status: 'pending', started_at: null, finished_at: null, result: null, error: null }],
    });
    const done = await waitForFinish(agent, job.id);
    expect(done.status).toBe('completed');
    expect(seenByExecutor).toEqual([{ status: 'running', parameters: '{"target":"offsite"}' }]);
  });

  it('runs one job per repository at a time, and different repositories in parallel', async () => {
    // Long enough that the second is still waiting when it is looked at, even on a busy machine.
    const first = await enqueueStandIn(jobs, { type: 'check', repositoryId: 1, parameters: { duration_ms: 2000 } });
    const second = await enqueueStandIn(jobs, { type: 'check', repositoryId: 1, parameters: { duration_ms: 300 } });
    const other = await enqueueStandIn(jobs, { type: 'check', repositoryId: 2, parameters: { duration_ms: 300 } });
    expect(await statusOf(second.id)).toBe('queued');
    for (const job of [first, second, other]) expect((await waitForFinish(agent, job.id)).status).toBe('completed');

    expect(overlap(runOf(first.id), runOf(second.id))).toBe(false);
    expect(runOf(second.id).start).toBeGreaterThanOrEqual(runOf(first.id).end);
    expect(overlap(runOf(first.id), runOf(other.id))).toBe(true);
  });

  it('runs at most BORGITORY_MAX_CONCURRENT_JOBS jobs at once', async () => {
    const queued = [];
    for (const repositoryId of [11, 12, 13]) {
      queued.push(await enqueueStandIn(jobs, { type: 'check', repositoryId, parameters: { duration_ms: 300 } }));
    }
    for (const job of queued) await waitForFinish(agent, job.id);
    const runs = queued.map((job) => runOf(job.id));
    const runningAt = (time: number) => runs.filter((run) => run.start <= time && time < run.end).length;
    expect(Math.max(...runs.map((run) => runningAt(run.start)))).toBe(2);
    expect(runs[2].start).toBeGreaterThanOrEqual(Math.min(runs[0].end, runs[1].end));
  });

  it('records a warning outcome with its warnings and result', async () => {
    const job = await enqueueStandIn(jobs, { type: 'compact', repositoryId: 3, parameters: { outcome: 'warning' } });
    const done = await waitForFinish(agent, job.id);
    expect(done).toMatchObject({
      status: 'warning',
      result: { pruned: 2 },
      warnings: ['file changed while we backed it up: /data/a.txt'],
      error: null,
    });
    expect((await agent.get(`/api/jobs/${job.id}`).expect(200)).body.data.steps).toEqual([
      expect.objectContaining({ position: 1, type: 'compact', status: 'warning', result: { pruned: 2 }, error: null }),
    ]);
  });

  it("fails a job with the DomainError's code and message", async () => {
    const job = await enqueueStandIn(jobs, { type: 'compact', repositoryId: 3, parameters: { outcome: 'failure' } });
    const done = await waitForFinish(agent, job.id);
    const error = { code: 'BORG_ERROR', message: 'borg compact failed: the repository is damaged' };
    expect(done).toMatchObject({ status: 'failed', error, result: null });
    expect((await agent.get(`/api/jobs/${job.id}`).expect(200)).body.data.steps[0]).toMatchObject({ status: 'failed', error });
  });

  it('reports an unexpected error as INTERNAL_ERROR without its details, and logs it on the server', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error');
    try {
      const job = await enqueueStandIn(jobs, { type: 'compact', repositoryId: 3, parameters: { outcome: 'crash' } });
      const done = await waitForFinish(agent, job.id);
      expect(done.status).toBe('failed');
      expect(done.error).toEqual({
        code: 'INTERNAL_ERROR',
        message: `The compact step failed with an internal error (error id job-${job.id}); the server log has the details`,
      });
      const body = (await agent.get(`/api/jobs/${job.id}`).expect(200)).text;
      const log = (await agent.get(`/api/jobs/${job.id}/logs?format=text`).expect(200)).text;
      for (const text of [body, log]) {
        expect(text).not.toContain('boom');
        expect(text).not.toMatch(/\bat .*\.ts:\d+/);
      }
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ err: expect.objectContaining({ message: 'boom: an internal detail that no client may see' }) }),
        expect.stringContaining(`job-${job.id}`),
      );
    } finally {
      logged.mockRestore();
    }
  });

  it('runs the steps of a job in order, and a failing later step fails the job', async () => {
    const job = await enqueueStandIn(jobs, {
      type: 'check',
      repositoryId: 4,
      parameters: { duration_ms: 50, outcome: 'failure' },
      steps: [{ type: 'check' }, { type: 'compact' }, { type: 'check' }],
    });
    const done = await agent.get(`/api/jobs/${(await waitForFinish(agent, job.id)).id}`).expect(200);
    expect(done.body.data).toMatchObject({
      status: 'failed',
      result: { ticks: expect.any(Number) },
      error: { code: 'BORG_ERROR' },
      steps: [
        { position: 1, type: 'check', status: 'completed', error: null },
        { position: 2, type: 'compact', status: 'failed', error: { code: 'BORG_ERROR' } },
        { position: 3, type: 'check', status: 'skipped', started_at: null },
      ],
    });
    const log = (await agent.get(`/api/jobs/${job.id}/logs?format=text`).expect(200)).text;
    expect(log).toContain('INFO Step 1/3: check started');
    expect(log).toContain('INFO Step 1/3: check finished (completed)');
    expect(log).toContain('ERROR Step 2/3: compact finished (failed)');
    expect(log).not.toContain('Step 3/3');
  });

  it('gives each step its own parameters and what the earlier steps did; steps that run on failure run after one', async () => {
    const seen: Array<{ parameters: object; earlier: string[] }> = [];
    registerStandIn(testApp.app.get(JobExecutorRegistry), {
      type: 'hook',
      run: async (context) => {
        seen.push({ parameters: context.parameters, earlier: context.earlierSteps.map((step) => `${step.type}:${step.status}`) });
        return { status: 'completed', result: null, warnings: [] };
      },
    });
    const job = await enqueueStandIn(jobs, {
      type: 'compact',
      repositoryId: 8,
      parameters: { outcome: 'failure' },
      scheduleId: 3,
      steps: [
        { type: 'hook', parameters: { name: 'before' } },
        { type: 'compact' },
        { type: 'hook', parameters: { name: 'after, on failure too' }, runOnFailure: true },
        { type: 'hook', parameters: { name: 'after, on success only' } },
      ],
    });
    const done = await waitForFinish(agent, job.id);
    expect(done).toMatchObject({ status: 'failed', schedule_id: 3, error: { code: 'BORG_ERROR' } });
    expect((done.steps as Array<{ status: string; run_on_failure: boolean }>).map((step) => [step.status, step.run_on_failure])).toEqual([
      ['completed', false],
      ['failed', false],
      ['completed', true],
      ['skipped', false],
    ]);
    expect(seen).toEqual([
      { parameters: { name: 'before' }, earlier: [] },
      { parameters: { name: 'after, on failure too' }, earlier: ['hook:completed', 'compact:failed'] },
    ]);

    const retried = await agent.post(`/api/jobs/${job.id}/retry`).expect(201);
    expect(retried.body.data).toMatchObject({ schedule_id: 3, parameters: { outcome: 'failure' } });
    expect(
      retried.body.data.steps.map((step: { parameters: unknown; run_on_failure: boolean }) => [step.parameters, step.run_on_failure]),
    ).toEqual([
      [{ name: 'before' }, false],
      [null, false],
      [{ name: 'after, on failure too' }, true],
      [{ name: 'after, on success only' }, false],
    ]);
    await waitForFinish(agent, retried.body.data.id);
  });

  describe('cancel', () => {
    it('cancels a queued job without running it', async () => {
      const blocker = await enqueueStandIn(jobs, { type: 'check', repositoryId: 5, parameters: { until_cancelled: true } });
      const waiting = await enqueueStandIn(jobs, { type: 'check', repositoryId: 5, parameters: { duration_ms: 10 } });
      expect(await jobs.hasActiveJob(5)).toBe(true);
      const cancelled = await agent.post(`/api/jobs/${waiting.id}/cancel`).expect(200);
      expect(cancelled.body).toMatchObject({
        status: 'success',
        message: 'Job cancelled',
        data: { id: waiting.id, status: 'cancelled', started_at: null, steps: [{ status: 'skipped' }] },
      });
      expect(cancelled.body.data.finished_at).not.toBeNull();
      await agent.post(`/api/jobs/${blocker.id}/cancel`).expect(200);
      expect(await jobs.hasActiveJob(5)).toBe(false);
      expect(sleeper.runs.some((run) => run.jobId === waiting.id)).toBe(false);
      expect(await statusOf(waiting.id)).toBe('cancelled');
    });

    it('aborts a running job and ends its process group', async () => {
      const job = await enqueueStandIn(jobs, { type: 'check', repositoryId: 6, parameters: { until_cancelled: true } });
      await waitUntil(() => sleeper.pids.has(job.id));
      const pid = sleeper.pids.get(job.id) as number;
      expect(isAlive(pid)).toBe(true);

      const cancelled = await agent.post(`/api/jobs/${job.id}/cancel`).expect(200);
      expect(cancelled.body.data).toMatchObject({ status: 'cancelled', error: null, steps: [{ status: 'cancelled' }] });
      expect(cancelled.body.data.finished_at).not.toBeNull();
      expect(isAlive(pid)).toBe(false);
      const log = (await agent.get(`/api/jobs/${job.id}/logs?format=text`).expect(200)).text;
      expect(log).toMatch(/WARNING Step 1\/1: check finished \(cancelled\)\n.* WARNING Cancelled\n$/);
    });

    it('refuses to cancel a finished job with 409', async () => {
      const job = await enqueueStandIn(jobs, { type: 'compact', repositoryId: 3, parameters: {} });
      await waitForFinish(agent, job.id);
      const refused = await agent.post(`/api/jobs/${job.id}/cancel`).expect(409);
      expect(refused.body.error).toEqual({
        code: 'CONFLICT',
        message: `Job ${job.id} has already finished (completed); only queued or running jobs can be cancelled`,
      });
    });

    it('answers 404 for a job that does not exist', async () => {
      const missing = await agent.post('/api/jobs/999999/cancel').expect(404);
      expect(missing.body.error).toEqual({ code: 'NOT_FOUND', message: 'Job 999999 does not exist' });
    });
  });

  describe('retry', () => {
    it('queues a new job with the same type, repository and parameters, linked to the original', async () => {
      const failed = await enqueueStandIn(jobs, { type: 'compact', repositoryId: 7, parameters: { outcome: 'failure' } });
      await waitForFinish(agent, failed.id);
      const retried = await agent.post(`/api/jobs/${failed.id}/retry`).expect(201);
      expect(retried.body).toMatchObject({
        message: 'Job queued again',
        data: {
          type: 'compact',
          repository_id: 7,
          parameters: { outcome: 'failure' },
          trigger: 'retry',
          retry_of_id: failed.id,
          status: 'queued',
        },
      });
      expect(retried.body.data.id).toBeGreaterThan(failed.id);
      expect((await waitForFinish(agent, retried.body.data.id)).status).toBe('failed');
    });

    it('refuses to retry a job that did not fail with 409', async () => {
      const completed = await enqueueStandIn(jobs, { type: 'compact', repositoryId: 7, parameters: {} });
      await waitForFinish(agent, completed.id);
      const refused = await agent.post(`/api/jobs/${completed.id}/retry`).expect(409);
      expect(refused.body.error.code).toBe('CONFLICT');
    });
  });

  describe('list', () => {
    it('filters by status, type and repository, newest first, with the total', async () => {
      const all = await agent.get('/api/jobs?limit=200').expect(200);
      const ids = all.body.data.map((job: { id: number }) => job.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(all.body.meta).toEqual({ total: ids.length, limit: 200, offset: 0 });

      const failed = await agent.get('/api/jobs?status=failed&type=compact').expect(200);
      expect(failed.body.data.length).toBeGreaterThanOrEqual(3);
      for (const job of failed.body.data) expect(job).toMatchObject({ status: 'failed', type: 'compact' });

      const onRepository = await agent.get('/api/jobs?repository_id=1').expect(200);
      expect(onRepository.body.meta.total).toBe(2);
      expect(onRepository.body.data.map((job: { repository_id: number }) => job.repository_id)).toEqual([1, 1]);
    });

    it('pages with limit and offset', async () => {
      const page = await agent.get('/api/jobs?limit=2&offset=1').expect(200);
      const all = await agent.get('/api/jobs?limit=200').expect(200);
      expect(page.body.data).toEqual(all.body.data.slice(1, 3));
      expect(page.body.meta).toEqual({ total: all.body.meta.total, limit: 2, offset: 1 });
      expect(page.body.data[0].steps).toHaveLength(1);
    });

    it.each(['limit=201', 'offset=-1'])('answers 400 for a page out of range: %s', async (query) => {
      const refused = await agent.get(`/api/jobs?${query}`).expect(400);
      expect(refused.body.error.code).toBe('BAD_REQUEST');
    });

    it.each([
      ['status=done', 'status'],
      ['type=backupz', 'type'],
      ['repository_id=abc', 'repository_id'],
    ])('answers 422 naming the filter for %s', async (query, field) => {
      const refused = await agent.get(`/api/jobs?${query}`).expect(422);
      expect(refused.body.error.code).toBe('VALIDATION_ERROR');
      expect(Object.keys(refused.body.error.details)).toEqual([field]);
    });
  });
});
