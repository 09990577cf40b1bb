import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeTree } from '@borgitory/borg-runner/testing';
import type { Agent } from 'supertest';
import { borgCli } from './support/borg-cli';
import { waitForFinish } from './support/job-client';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

const HOUR_MS = 60 * 60 * 1000;

interface RepositoryOverview {
  id: number;
  name: string;
  health: string;
  health_reasons: string[];
  newest_archive_at: string | null;
  last_backup: { id: number; status: string; finished_at: string | null; duration_seconds: number | null } | null;
  overdue: boolean;
  next_run: { at: string; schedule_id: number; schedule_name: string } | null;
  archives_count: number | null;
  original_size: number | null;
  size_trend: number[];
  deduplicated_size: number | null;
  unacknowledged_failures: { count: number; failed: number; warning: number; newest: { id: number; status: string } | null };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('overview and acknowledged failures', () => {
  let testApp: TestApp;
  let agent: Agent;
  let source: string;
  const ids: Record<string, number> = {};
  const failedJobs: number[] = [];
  let completedJob: number;

  const overview = async () => (await agent.get('/api/overview').expect(200)).body.data;
  const backup = async (repositoryId: number) => {
    const started = await agent.post('/api/backups/manual').send({ repository_id: repositoryId, source_path: source }).expect(201);
    return waitForFinish(agent, started.body.data.id);
  };
  const create = async (name: string, body: Record<string, unknown> = {}) => {
    const path = join(testApp.work, name.replace(/\s/g, '-'));
    const created = await agent
      .post('/api/repositories')
      .send({ name, path, encryption: 'none', ...body })
      .expect(201);
    ids[name] = created.body.data.id;
    return path;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    agent = await setupAdmin(testApp);
    source = writeTree(join(testApp.work, 'source'), { 'a.txt': 'alpha', 'b/c.txt': 'gamma' });

    for (const name of ['Healthy B', 'Healthy A']) {
      await create(name);
      const job = await backup(ids[name]);
      expect(job.status).toBe('completed');
      completedJob = job.id;
    }

    const brokenPath = await create('Broken');
    expect((await backup(ids.Broken)).status).toBe('completed');
    rmSync(brokenPath, { recursive: true, force: true });
    for (let i = 0; i < 2; i++) {
      const failed = await backup(ids.Broken);
      expect(failed.status).toBe('failed');
      failedJobs.push(failed.id);
    }

    // An archive made three days ago by another machine, and an archive expected every 24 hours.
    const oldPath = join(testApp.work, 'old');
    const cliBase = join(testApp.work, 'cli');
    borgCli(['init', '--encryption', 'none', oldPath], { baseDir: cliBase });
    const threeDaysAgo = new Date(Date.now() - 72 * HOUR_MS).toISOString().slice(0, 19);
    borgCli(['create', '--timestamp', threeDaysAgo, `${oldPath}::old`, source], { baseDir: cliBase });
    const imported = await agent
      .post('/api/repositories')
      .send({ name: 'Old', path: oldPath, initialize: false, max_age_hours: 24 })
      .expect(201);
    ids.Old = imported.body.data.id;

    await create('Empty');

    await agent
      .post('/api/schedules')
      .send({ name: 'Nightly A', repository_id: ids['Healthy A'], source_path: source, cron_expression: '0 2 * * *', timezone: 'UTC' })
      .expect(201);

    // The monitor reads the imported repository's archive list in the background, then finds it overdue.
    const deadline = Date.now() + 30_000;
    while (!(await overview()).repositories.some((repository: RepositoryOverview) => repository.name === 'Old' && repository.overdue)) {
      if (Date.now() > deadline) throw new Error('the imported repository never became overdue');
      await sleep(100);
    }
  });
  afterAll(() => testApp?.close());

  it('lists every repository worst first, with figures equal to the repository API', async () => {
    const { repositories, totals, running_jobs } = await overview();
    expect(repositories.map((repository: RepositoryOverview) => [repository.name, repository.health])).toEqual([
      ['Broken', 'failed'],
      ['Old', 'overdue'],
      ['Empty', 'warning'],
      ['Healthy A', 'healthy'],
      ['Healthy B', 'healthy'],
    ]);
    const byName = new Map<string, RepositoryOverview>(repositories.map((repository: RepositoryOverview) => [repository.name, repository]));

    for (const name of ['Healthy A', 'Healthy B', 'Old']) {
      const stored = (await agent.get(`/api/repositories/${ids[name]}`).expect(200)).body.data;
      expect(byName.get(name)).toMatchObject({
        id: ids[name],
        archives_count: 1,
        original_size: stored.original_size,
        deduplicated_size: stored.deduplicated_size,
        newest_archive_at: stored.newest_archive_at,
        overdue: stored.overdue,
      });
    }
    expect(byName.get('Healthy A')?.last_backup).toMatchObject({ id: completedJob, status: 'completed' });
    expect(byName.get('Healthy A')?.last_backup?.duration_seconds).toBeGreaterThan(0);
    expect(byName.get('Healthy A')?.health_reasons).toEqual([]);
    expect(byName.get('Old')).toMatchObject({ last_backup: null, health_reasons: ['No archive as recent as expected'] });
    expect(byName.get('Empty')).toMatchObject({ newest_archive_at: null, health_reasons: ['It has no archive yet'] });
    const history = (await agent.get(`/api/repositories/${ids['Healthy A']}/history`).expect(200)).body.data;
    expect(history.points).toHaveLength(1);
    expect(byName.get('Healthy A')?.size_trend).toEqual(history.points.map((point: { original_size: number }) => point.original_size));
    expect(byName.get('Empty')?.size_trend).toEqual([]);

    const schedules = (await agent.get('/api/schedules').expect(200)).body.data;
    expect(byName.get('Healthy A')?.next_run).toEqual({
      at: new Date(schedules[0].next_run_at).toISOString(),
      schedule_id: schedules[0].id,
      schedule_name: 'Nightly A',
    });
    expect(byName.get('Healthy B')?.next_run).toBeNull();

    expect(byName.get('Broken')).toMatchObject({
      last_backup: { id: failedJobs[1], status: 'failed' },
      unacknowledged_failures: { count: 2, failed: 2, warning: 0, newest: { id: failedJobs[1], status: 'failed' } },
    });
    expect(byName.get('Broken')?.health_reasons[0]).toBe('2 jobs failed (not acknowledged yet)');
    expect(totals).toMatchObject({
      repositories: 5,
      failed: 1,
      overdue: 1,
      warning: 1,
      healthy: 2,
      archives: 4,
      unacknowledged_failures: 2,
      running_jobs: 0,
      queued_jobs: 0,
    });
    expect(running_jobs).toEqual([]);
  });

  it('shows in the size trend a new archive and the figures read later of an imported one', async () => {
    const trendOf = async (name: string) =>
      (await overview()).repositories.find((repository: RepositoryOverview) => repository.name === name)?.size_trend ?? [];
    expect(await trendOf('Healthy B')).toHaveLength(1);
    expect((await backup(ids['Healthy B'])).status).toBe('completed');
    expect(await trendOf('Healthy B')).toHaveLength(2);

    // An imported archive is listed first and its figures come from `borg info` after: the overview, read meanwhile,
    // shows the archive without a size, then the size.
    const latePath = join(testApp.work, 'late');
    const cliBase = join(testApp.work, 'cli');
    borgCli(['init', '--encryption', 'none', latePath], { baseDir: cliBase });
    borgCli(['create', `${latePath}::late`, source], { baseDir: cliBase });
    ids.Late = (await agent.post('/api/repositories').send({ name: 'Late', path: latePath, initialize: false }).expect(201)).body.data.id;
    const deadline = Date.now() + 30_000;
    while ((await trendOf('Late')).length === 0) {
      if (Date.now() > deadline) throw new Error("the imported archive's size never reached the trend");
      await sleep(20);
    }
    const history = (await agent.get(`/api/repositories/${ids.Late}/history`).expect(200)).body.data;
    expect(await trendOf('Late')).toEqual(history.points.map((point: { original_size: number }) => point.original_size));
  });

  it('keeps a failure until it is acknowledged, one by one or all at once', async () => {
    const refused = await agent.post(`/api/jobs/${completedJob}/acknowledge`).expect(409);
    expect(refused.body.error).toMatchObject({ code: 'CONFLICT' });
    await agent.post('/api/jobs/999999/acknowledge').expect(404);

    const acknowledged = await agent.post(`/api/jobs/${failedJobs[0]}/acknowledge`).expect(200);
    expect(acknowledged.body.data).toMatchObject({ id: failedJobs[0], status: 'failed' });
    const at = acknowledged.body.data.acknowledged_at;
    expect(Date.now() - new Date(at).getTime()).toBeLessThan(10_000);
    // Again: the first time stays.
    expect((await agent.post(`/api/jobs/${failedJobs[0]}/acknowledge`).expect(200)).body.data.acknowledged_at).toBe(at);
    expect((await agent.get(`/api/jobs/${failedJobs[1]}`).expect(200)).body.data.acknowledged_at).toBeNull();

    let broken = (await overview()).repositories.find((repository: RepositoryOverview) => repository.name === 'Broken');
    expect(broken).toMatchObject({ health: 'failed', unacknowledged_failures: { count: 1, newest: { id: failedJobs[1] } } });

    await agent.post('/api/jobs/acknowledge').send({ repository_id: 0 }).expect(422);
    expect((await agent.post('/api/jobs/acknowledge').send({ repository_id: ids['Healthy A'] }).expect(200)).body.data).toEqual({
      acknowledged: 0,
    });
    expect((await agent.post('/api/jobs/acknowledge').send({ repository_id: ids.Broken }).expect(200)).body.data).toEqual({
      acknowledged: 1,
    });
    expect((await agent.post('/api/jobs/acknowledge').send({}).expect(200)).body.data).toEqual({ acknowledged: 0 });

    const after = await overview();
    broken = after.repositories.find((repository: RepositoryOverview) => repository.name === 'Broken');
    expect(broken).toMatchObject({ unacknowledged_failures: { count: 0, newest: null } });
    // Its directory is still gone: once the monitor has found that out, the verdict stays failed for that alone.
    expect(broken?.health_reasons.filter((reason: string) => reason !== 'Its archive list could not be read')).toEqual([]);
    expect(after.totals.unacknowledged_failures).toBe(0);
    const listed = (await agent.get(`/api/jobs?repository_id=${ids.Broken}&status=failed`).expect(200)).body.data;
    expect(listed.every((job: { acknowledged_at: string | null }) => job.acknowledged_at !== null)).toBe(true);
  });
});
