import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { BorgitoryEvent } from '../src/platform/events/borgitory-event';
import { EventStream } from '../src/platform/events/event-stream';
import { borgCli } from './support/borg-cli';
import { JobBody, waitForFinish } from './support/job-client';
import { waitUntil } from './support/job-executors';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

// Real timers: schedules that fire every minute, watched over three minute boundaries.
jest.setTimeout(300_000);

const EVERY_MINUTE = '* * * * *';
const minuteOf = (iso: string) => Math.floor(new Date(iso).getTime() / 60_000);

describe('schedules fire on their own', () => {
  let testApp: TestApp;
  let agent: Agent;
  let cliBase: string;
  const published: BorgitoryEvent[] = [];

  beforeAll(async () => {
    testApp = await startTestApp();
    testApp.app.get(EventStream).subscribe((event) => published.push(event));
    agent = await setupAdmin(testApp);
    cliBase = join(testApp.work, 'cli');
  });
  afterAll(() => testApp.close());

  async function repository(name: string): Promise<{ id: number; path: string }> {
    const path = join(testApp.work, name);
    const created = await agent.post('/api/repositories').send({ name, path, encryption: 'none' }).expect(201);
    return { id: created.body.data.id, path };
  }
  const runsOf = async (scheduleId: number): Promise<JobBody[]> =>
    (await agent.get(`/api/schedules/${scheduleId}/runs`).expect(200)).body.data;
  const logOf = async (jobId: number) => (await agent.get(`/api/jobs/${jobId}/logs?format=text`).expect(200)).text;

  it('runs every minute, stops and starts again with toggle, and skips a run while the last one is still going', async () => {
    const source = join(testApp.work, 'src');
    mkdirSync(source);
    writeFileSync(join(source, 'a.txt'), 'a');
    const quick = await repository('quick');
    const slow = await repository('slow');
    const schedule = (name: string, repositoryId: number, extra: Record<string, unknown> = {}) =>
      agent
        .post('/api/schedules')
        .send({
          name,
          repository_id: repositoryId,
          source_path: source,
          cron_expression: EVERY_MINUTE,
          archive_name: `${name}-{now:%H%M%S}`,
          ...extra,
        })
        .expect(201)
        .then((response) => response.body.data as { id: number; next_run_at: string });
    const backup = await schedule('backup', quick.id);
    // Its pre-hook keeps the first run going past the next minute.
    const overlapping = await schedule('overlapping', slow.id, { pre_hooks: [{ name: 'Take long', command: ['sleep', '70'] }] });

    // Minute 1: both fire on their own.
    let first: JobBody | undefined;
    await waitUntil(async () => (first = (await runsOf(backup.id))[0]) !== undefined, 70_000);
    const firstMinute = minuteOf(backup.next_run_at);
    expect(first).toMatchObject({ trigger: 'schedule', schedule_id: backup.id });
    expect(minuteOf((first as JobBody).created_at as string)).toBe(firstMinute);
    expect((await waitForFinish(agent, (first as JobBody).id, 30_000)).status).toBe('completed');
    expect(await logOf((first as JobBody).id)).toContain(
      `Started for the run of schedule "backup" (due at ${new Date(backup.next_run_at).toISOString()})`,
    );
    const archives = () => JSON.parse(borgCli(['list', '--json', quick.path], { baseDir: cliBase })).archives.length;
    expect(archives()).toBe(1);

    const slowRun = (await runsOf(overlapping.id))[0];
    expect(slowRun).toMatchObject({ trigger: 'schedule', status: 'running' });

    // Minute 2: the disabled schedule stays quiet; the overlapping one is skipped, and says so in the running job's log.
    const off = await agent.post(`/api/schedules/${backup.id}/toggle`).expect(200);
    expect(off.body.data.enabled).toBe(false);
    const secondMinute = firstMinute + 1;
    expect(Date.now()).toBeLessThan(secondMinute * 60_000);
    await waitUntil(async () => (await logOf(slowRun.id)).includes('Skipped the run of schedule "overlapping"'), 70_000);
    expect(await logOf(slowRun.id)).toContain(
      `Skipped the run of schedule "overlapping" (due at ${new Date(secondMinute * 60_000).toISOString()}): job ${slowRun.id}, an earlier run, is still running`,
    );
    expect(await runsOf(overlapping.id)).toHaveLength(1);
    const skipped = published.filter((event) => event.event === 'schedule.skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0].data).toMatchObject({
      summary: `Schedule "overlapping" skipped its run due at ${new Date(secondMinute * 60_000).toISOString()} on repository "slow": its previous run (job ${slowRun.id}) is still running`,
      repository: { id: slow.id, name: 'slow' },
      schedule: { id: overlapping.id, name: 'overlapping' },
      job: { id: slowRun.id, type: 'backup', status: 'running', url: `http://localhost:8000/jobs/${slowRun.id}` },
      error: null,
    });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await runsOf(backup.id)).toHaveLength(1);

    // Minute 3: enabled again, it fires again without a restart.
    const on = await agent.post(`/api/schedules/${backup.id}/toggle`).expect(200);
    expect(on.body.data.enabled).toBe(true);
    await waitUntil(async () => (await runsOf(backup.id)).length === 2, 70_000);
    const second = (await runsOf(backup.id))[0];
    expect(minuteOf(second.created_at as string)).toBe(secondMinute + 1);
    expect((await waitForFinish(agent, second.id, 30_000)).status).toBe('completed');
    expect(archives()).toBe(2);

    await agent.post(`/api/schedules/${overlapping.id}/toggle`).expect(200);
    for (const run of await runsOf(overlapping.id)) {
      if (run.status === 'running' || run.status === 'queued') await agent.post(`/api/jobs/${run.id}/cancel`).expect(200);
    }
  });
});
