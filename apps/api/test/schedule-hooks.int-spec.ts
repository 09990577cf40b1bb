import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { isAlive } from '@borgitory/borg-runner/testing';
import { borgCli } from './support/borg-cli';
import { getJob, JobBody, waitForFinish, waitForJob } from './support/job-client';
import { waitUntil } from './support/job-executors';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

interface StepBody {
  type: string;
  status: string;
  parameters: { name?: string } | null;
  error: { code: string; message: string } | null;
}

/** Hooks on real processes around a real borg backup: what fails, what goes on, what still runs. */
describe('schedule hooks', () => {
  let testApp: TestApp;
  let agent: Agent;
  let repositoryId: number;
  let repo: string;
  let source: string;
  let scheduleCount = 0;

  beforeAll(async () => {
    testApp = await startTestApp();
    agent = await setupAdmin(testApp);
    repo = join(testApp.work, 'repo');
    source = join(testApp.work, 'src');
    mkdirSync(source);
    writeFileSync(join(source, 'a.txt'), 'a');
    repositoryId = (await agent.post('/api/repositories').send({ name: 'Hooks', path: repo, encryption: 'none' }).expect(201)).body.data.id;
  });
  afterAll(() => testApp.close());

  const archiveCount = () => JSON.parse(borgCli(['list', '--json', repo], { baseDir: join(testApp.work, 'cli') })).archives.length;
  const stepsOf = async (job: JobBody) => (await getJob(agent, job.id)).steps as StepBody[];
  const logOf = async (jobId: number) => (await agent.get(`/api/jobs/${jobId}/logs?format=text`).expect(200)).text;
  const summary = (steps: StepBody[]) => steps.map((step) => `${step.parameters?.name ?? step.type}:${step.status}`);

  async function runSchedule(hooks: { pre_hooks?: unknown[]; post_hooks?: unknown[] }, repository = repositoryId): Promise<JobBody> {
    const schedule = await agent
      .post('/api/schedules')
      .send({
        name: `Hooks ${++scheduleCount}`,
        repository_id: repository,
        source_path: source,
        cron_expression: '0 3 * * *',
        enabled: false,
        ...hooks,
      })
      .expect(201);
    const started = await agent.post(`/api/schedules/${schedule.body.data.id}/run`).expect(201);
    return started.body.data;
  }

  const report = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    shell: true,
    command: [`echo "${name}: status=$BORGITORY_STATUS error=$BORGITORY_ERROR"`],
    ...extra,
  });

  it('a critical pre-hook that fails stops the run; a run_on_failure post-hook still runs, the others are skipped', async () => {
    const before = archiveCount();
    const started = await runSchedule({
      pre_hooks: [{ name: 'Dump database', shell: true, command: ['echo dumping; echo "no space left" >&2; exit 3'], critical: true }],
      post_hooks: [report('Always', { run_on_failure: true }), report('Only on success')],
    });
    const job = await waitForFinish(agent, started.id, 60_000);
    expect(job.status).toBe('failed');
    expect(job.error).toEqual({ code: 'HOOK_FAILED', message: 'Pre-hook "Dump database" failed: exit code 3' });
    expect(summary(await stepsOf(job))).toEqual(['Dump database:failed', 'backup:skipped', 'Always:completed', 'Only on success:skipped']);
    const log = await logOf(job.id);
    expect(log).toMatch(/INFO dumping\n/);
    expect(log).toMatch(/WARNING no space left\n/);
    expect(log).toContain('Always: status=failed error=Pre-hook "Dump database" failed: exit code 3');
    expect(log).not.toContain('Only on success:');
    expect(archiveCount()).toBe(before);
  });

  it('a hook that is not critical only warns: the backup and the rest go on', async () => {
    const before = archiveCount();
    const started = await runSchedule({
      pre_hooks: [{ name: 'Optional', command: ['/bin/false'] }],
      post_hooks: [{ name: 'Missing program', command: ['/nonexistent/notify-admin', '--now'] }, report('After')],
    });
    const job = await waitForFinish(agent, started.id, 60_000);
    expect(job.status).toBe('warning');
    expect(job.error).toBeNull();
    expect(job.warnings).toEqual([
      'Pre-hook "Optional" failed: exit code 1',
      'Post-hook "Missing program" could not be started (command not found)',
    ]);
    expect(summary(await stepsOf(job))).toEqual(['Optional:warning', 'backup:completed', 'Missing program:warning', 'After:completed']);
    expect(await logOf(job.id)).toContain('After: status=warning error=');
    expect(archiveCount()).toBe(before + 1);
  });

  it('stops a hook that runs past its timeout, and everything it started', async () => {
    const pidFile = join(testApp.work, 'slow.pid');
    const started = await runSchedule({
      pre_hooks: [{ name: 'Slow', shell: true, command: [`sleep 60 & echo $! > ${pidFile}; wait`], timeout_seconds: 1, critical: true }],
    });
    const job = await waitForFinish(agent, started.id, 30_000);
    expect(job.status).toBe('failed');
    expect(job.error).toEqual({ code: 'HOOK_FAILED', message: 'Pre-hook "Slow" timed out after 1 s and was stopped' });
    const sleeper = Number(readFileSync(pidFile, 'utf8'));
    await waitUntil(() => !isAlive(sleeper), 10_000);
  });

  it('a failed backup skips what follows but not the post-hooks that run on failure', async () => {
    const doomed = join(testApp.work, 'doomed');
    const moved = `${doomed}.elsewhere`;
    const repository = await agent.post('/api/repositories').send({ name: 'Doomed', path: doomed, encryption: 'none' }).expect(201);
    const started = await runSchedule(
      {
        pre_hooks: [{ name: 'Unmount the disk', command: ['mv', doomed, moved] }],
        post_hooks: [
          report('Report', { run_on_failure: true }),
          { name: 'Mount it again', command: ['mv', moved, doomed], run_on_failure: true },
          report('Only on success'),
        ],
      },
      repository.body.data.id,
    );
    const job = await waitForFinish(agent, started.id, 60_000);
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('REPOSITORY_NOT_FOUND');
    expect(summary(await stepsOf(job))).toEqual([
      'Unmount the disk:completed',
      'backup:failed',
      'Report:completed',
      'Mount it again:completed',
      'Only on success:skipped',
    ]);
    expect(await logOf(job.id)).toContain(`Report: status=failed error=${job.error?.message}`);
    expect(existsSync(doomed) && !existsSync(moved)).toBe(true);
  });

  it('a source that is gone (an unmounted disk) fails the backup before borg runs, so nothing is pruned for it', async () => {
    const before = archiveCount();
    const disk = join(testApp.work, 'usb-disk');
    mkdirSync(disk);
    const pruning = await agent.post('/api/pruning-policies').send({ name: 'Keep one', keep_last: 1 }).expect(201);
    const schedule = await agent
      .post('/api/schedules')
      .send({
        name: 'Unmounted',
        repository_id: repositoryId,
        source_path: disk,
        cron_expression: '0 3 * * *',
        pruning_policy_id: pruning.body.data.id,
        pre_hooks: [{ name: 'Unplug', command: ['rmdir', disk] }],
      })
      .expect(201);
    const started = await agent.post(`/api/schedules/${schedule.body.data.id}/run`).expect(201);
    const job = await waitForFinish(agent, started.body.data.id, 60_000);
    expect(job.error).toEqual({ code: 'SOURCE_UNAVAILABLE', message: `Nothing was backed up: ${disk} does not exist` });
    expect(summary(await stepsOf(job))).toEqual(['Unplug:completed', 'backup:failed', 'prune:skipped']);
    expect(archiveCount()).toBe(before);
  });

  it('after a cancel, post-hooks that run on failure still run (and are told so)', async () => {
    const marker = join(testApp.work, 'cleaned-up');
    rmSync(marker, { force: true });
    const started = await runSchedule({
      pre_hooks: [{ name: 'Stop the app', command: ['sleep', '60'] }],
      post_hooks: [
        { name: 'Start the app again', shell: true, command: [`echo "$BORGITORY_STATUS" > ${marker}`], run_on_failure: true },
        report('Only on success'),
      ],
    });
    await waitForJob(agent, started.id, (job) => (job.steps as StepBody[])[0].status === 'running');
    const cancelled = await agent.post(`/api/jobs/${started.id}/cancel`).expect(200);
    const job = cancelled.body.data.status === 'cancelled' ? cancelled.body.data : await waitForFinish(agent, started.id);
    expect(job.status).toBe('cancelled');
    expect(summary(await stepsOf(job))).toEqual([
      'Stop the app:cancelled',
      'backup:skipped',
      'Start the app again:completed',
      'Only on success:skipped',
    ]);
    expect(readFileSync(marker, 'utf8')).toBe('cancelled\n');
  });
});
