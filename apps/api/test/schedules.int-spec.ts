import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { borgCli, borgPruneDryRun } from './support/borg-cli';
import { getJob, waitForFinish } from './support/job-client';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

const PASSPHRASE = 'schedule passphrase never in a hook';
const SERVER_SECRET = 'server-secret-key-that-no-hook-may-see-0123456789';

interface StepBody {
  type: string;
  status: string;
  parameters: Record<string, unknown> | null;
  result: Record<string, unknown> | null;
}

describe('schedules on real borg', () => {
  let testApp: TestApp;
  let agent: Agent;
  let repositoryId: number;
  let repo: string;
  let source: string;
  let cliBase: string;

  beforeAll(async () => {
    // Hooks are started from the server's own environment: nothing but the basics may pass from it.
    process.env.BORGITORY_SECRET_KEY = SERVER_SECRET;
    testApp = await startTestApp();
    agent = await setupAdmin(testApp);
    repo = join(testApp.work, 'repo');
    cliBase = join(testApp.work, 'cli-base');
    source = join(testApp.work, 'documents');
    mkdirSync(source);
    writeFileSync(join(source, 'report.txt'), 'quarterly figures\n');
    const created = await agent
      .post('/api/repositories')
      .send({ name: 'Scheduled', path: repo, encryption: 'repokey-blake2', passphrase: PASSPHRASE })
      .expect(201);
    repositoryId = created.body.data.id;
  });
  afterAll(async () => {
    delete process.env.BORGITORY_SECRET_KEY;
    await testApp.close();
  });

  const create = (body: Record<string, unknown>) => agent.post('/api/schedules').send(body);
  const base = () => ({ repository_id: repositoryId, source_path: source, cron_expression: '0 2 * * *' });

  it('creates from the seed body, lists, reads, replaces, toggles and deletes', async () => {
    const policy = await agent.post('/api/pruning-policies').send({ name: 'Seed policy', keep_daily: 7 }).expect(201);
    const created = await create({
      name: 'Daily Documents Backup',
      repository_id: repositoryId,
      source_path: source,
      cron_expression: '0 2 * * *',
      enabled: true,
      compression: 'lz4',
      pruning_policy_id: policy.body.data.id,
    }).expect(201);
    const schedule = created.body.data;
    expect(created.body.message).toBe('Schedule created');
    expect(schedule).toMatchObject({
      name: 'Daily Documents Backup',
      repository_id: repositoryId,
      source_path: source,
      source_paths: [source],
      cron_expression: '0 2 * * *',
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      description: 'At 02:00',
      enabled: true,
      compression: 'lz4',
      archive_name: '{hostname}-{now:%Y-%m-%dT%H:%M:%S}',
      pruning_policy_id: policy.body.data.id,
      check_policy_id: null,
      cloud_sync_config_id: null,
      pre_hooks: [],
      post_hooks: [],
      catch_up: false,
      last_run: null,
    });
    expect(new Date(schedule.next_run_at).getTime()).toBeGreaterThan(Date.now());
    await create({ ...base(), name: 'Daily Documents Backup' }).expect(409);

    const list = await agent.get('/api/schedules').expect(200);
    expect(list.body.meta).toEqual({ total: 1, limit: 50, offset: 0 });
    expect(list.body.data[0].id).toBe(schedule.id);

    const replaced = await agent
      .put(`/api/schedules/${schedule.id}`)
      // PUT changes only what it gives (docs/api.md): the policy it drops is given as null.
      .send({
        ...base(),
        name: 'Documents at half past two',
        cron_expression: '30 2 * * *',
        timezone: 'Europe/Berlin',
        pruning_policy_id: null,
      })
      .expect(200);
    const preview = await agent.get('/api/schedules/preview?cron_expression=30%202%20*%20*%20*&timezone=Europe/Berlin').expect(200);
    expect(replaced.body.data).toMatchObject({
      name: 'Documents at half past two',
      timezone: 'Europe/Berlin',
      description: 'At 02:30',
      pruning_policy_id: null,
      next_run_at: preview.body.data.next_runs[0],
    });

    const off = await agent.post(`/api/schedules/${schedule.id}/toggle`).expect(200);
    expect(off.body.data).toMatchObject({ enabled: false, next_run_at: null });
    const on = await agent.post(`/api/schedules/${schedule.id}/toggle`).expect(200);
    expect(on.body.data).toMatchObject({ enabled: true, next_run_at: preview.body.data.next_runs[0] });

    await agent.delete(`/api/schedules/${schedule.id}`).expect(204);
    await agent.get(`/api/schedules/${schedule.id}`).expect(404);
    await agent.post(`/api/schedules/${schedule.id}/toggle`).expect(404);
    await agent.post(`/api/schedules/${schedule.id}/run`).expect(404);
    await agent.get(`/api/schedules/${schedule.id}/runs`).expect(404);
  });

  it('refuses what it cannot run with 422 naming each field', async () => {
    const fields = async (body: Record<string, unknown>) => Object.keys((await create(body).expect(422)).body.error.details).sort();
    expect(await fields({ ...base(), name: 'Bad cron', cron_expression: '61 * * * *' })).toEqual(['cron_expression']);
    expect(await fields({ ...base(), name: 'Six fields', cron_expression: '0 0 2 * * *' })).toEqual(['cron_expression']);
    expect(await fields({ ...base(), name: 'Bad zone', timezone: 'Mars/Olympus' })).toEqual(['timezone']);
    expect(await fields({ ...base(), name: 'No source', source_path: undefined })).toEqual(['source_path']);
    expect(await fields({ ...base(), name: 'Gone source', source_path: join(testApp.work, 'missing') })).toEqual(['source_path']);
    expect(await fields({ ...base(), name: 'No repository', repository_id: 999 })).toEqual(['repository_id']);
    expect(await fields({ ...base(), name: 'No policies', pruning_policy_id: 999, check_policy_id: 999 })).toEqual([
      'check_policy_id',
      'pruning_policy_id',
    ]);
    expect(await fields({ ...base(), name: 'No cloud', cloud_sync_config_id: 1 })).toEqual(['cloud_sync_config_id']);
    expect(await fields({ ...base(), name: 'Bad compression', compression: 'gzip' })).toEqual(['compression']);

    const hook = { name: 'h', command: ['true'] };
    const hooks = await create({
      ...base(),
      name: 'Bad hooks',
      pre_hooks: [
        { ...hook, run_on_failure: true },
        { ...hook, shell: true, command: ['echo a', 'echo b'] },
      ],
      post_hooks: [{ ...hook, env: { BORGITORY_STATUS: 'fake' } }, { ...hook, env: { '1X': 'y' } }, { command: [] }],
    }).expect(422);
    const details = hooks.body.error.details;
    expect(Object.keys(details).sort()).toEqual([
      'post_hooks.0.env',
      'post_hooks.1.env',
      'post_hooks.2.command',
      'post_hooks.2.name',
      'pre_hooks.0.run_on_failure',
      'pre_hooks.1.command',
    ]);
    expect(details['post_hooks.0.env'][0]).toContain('BORGITORY_');
    const unknown = await create({ ...base(), name: 'Unknown hook field', pre_hooks: [{ ...hook, sudo: true }] }).expect(422);
    expect(unknown.body.error.details['pre_hooks.0.sudo']).toEqual(['Unknown field "sudo"']);
    expect((await agent.get('/api/schedules').expect(200)).body.meta.total).toBe(0);
  });

  it('runs pre-hook → backup → prune → compact → check → cloud sync → post-hook as one job; prune keeps what borg says', async () => {
    for (const day of ['01', '02', '03', '04', '05']) {
      borgCli(['create', '--timestamp', `2026-11-${day}T02:00:00`, `${repo}::docs-2026-11-${day}`, source], {
        baseDir: cliBase,
        passphrase: PASSPHRASE,
      });
    }
    const expected = borgPruneDryRun(repo, { baseDir: cliBase, passphrase: PASSPHRASE }, [
      '--keep-daily',
      '2',
      '--glob-archives',
      'docs-*',
    ]);
    expect(Object.keys(expected.kept)).toHaveLength(2);

    const pruning = await agent
      .post('/api/pruning-policies')
      .send({ name: 'Docs daily 2', keep_daily: 2, glob_archives: 'docs-*', compact_after: true })
      .expect(201);
    const check = await agent.post('/api/check-policies').send({ name: 'Newest archive', scope: 'archives_only', last: 1 }).expect(201);
    const offsite = join(testApp.work, 'usb-disk');
    mkdirSync(offsite);
    const cloudSync = await agent
      .post('/api/cloud-sync/configs')
      .send({ name: 'USB disk', provider: 'local', provider_config: { path: offsite } })
      .expect(201);
    process.env.AWS_SECRET_ACCESS_KEY = 'aws-secret-from-the-server-environment';
    const schedule = (
      await create({
        ...base(),
        name: 'Full chain',
        archive_name: 'scheduled-{now:%Y-%m-%dT%H:%M:%S.%f}',
        pruning_policy_id: pruning.body.data.id,
        check_policy_id: check.body.data.id,
        cloud_sync_config_id: cloudSync.body.data.id,
        enabled: false,
        pre_hooks: [{ name: 'Show the environment', command: ['/usr/bin/env'], env: { DUMP_TARGET: '/var/backups' } }],
        post_hooks: [
          {
            name: 'Report',
            shell: true,
            command: ['echo "report: status=$BORGITORY_STATUS archive=$BORGITORY_ARCHIVE_NAME repository=$BORGITORY_REPOSITORY_NAME"'],
          },
        ],
      }).expect(201)
    ).body.data;

    const started = await agent.post(`/api/schedules/${schedule.id}/run`).expect(201);
    try {
      expect(started.body.data).toMatchObject({ type: 'backup', status: 'queued', trigger: 'manual', schedule_id: schedule.id });
      const busy = await agent.post(`/api/schedules/${schedule.id}/run`).expect(409);
      expect(busy.body.error).toMatchObject({ code: 'CONFLICT', details: { job_id: started.body.data.id } });
      const job = await waitForFinish(agent, started.body.data.id, 90_000);
      expect(job.status).toBe('completed');
    } finally {
      delete process.env.AWS_SECRET_ACCESS_KEY;
    }

    const job = await getJob(agent, started.body.data.id);
    const steps = job.steps as StepBody[];
    expect(steps.map((step) => `${step.type}:${step.status}`)).toEqual([
      'hook:completed',
      'backup:completed',
      'prune:completed',
      'compact:completed',
      'check:completed',
      'cloud_sync:completed',
      'hook:completed',
    ]);
    const archive = (job.result as { archive_name: string }).archive_name;
    expect(archive).toMatch(/^scheduled-2\d{3}-/);
    expect(steps[0].parameters).toMatchObject({ phase: 'pre', name: 'Show the environment', command: ['/usr/bin/env'] });

    const pruned = steps[2].result as { kept: Array<{ name: string; rule: string }>; pruned: string[] };
    expect(Object.fromEntries(pruned.kept.map((kept) => [kept.name, kept.rule]))).toEqual(expected.kept);
    expect([...pruned.pruned].sort()).toEqual([...expected.pruned].sort());
    const names = JSON.parse(borgCli(['list', '--json', repo], { baseDir: cliBase, passphrase: PASSPHRASE })).archives.map(
      (entry: { name: string }) => entry.name,
    );
    expect([...names].sort()).toEqual([...Object.keys(expected.kept), archive].sort());
    const copied = JSON.parse(
      borgCli(['list', '--json', join(offsite, 'scheduled')], { baseDir: cliBase, passphrase: PASSPHRASE }),
    ).archives.map((entry: { name: string }) => entry.name);
    expect([...copied].sort()).toEqual([...names].sort());

    const log = (await agent.get(`/api/jobs/${job.id}/logs?format=text`).expect(200)).text;
    expect(log).toContain('Started by hand ("Run now")');
    expect(log).toContain('Pre-hook "Show the environment": /usr/bin/env');
    expect(log).toContain(`BORGITORY_JOB_ID=${job.id}`);
    expect(log).toContain(`BORGITORY_SCHEDULE_ID=${schedule.id}`);
    expect(log).toContain('BORGITORY_SCHEDULE_NAME=Full chain');
    expect(log).toContain(`BORGITORY_REPOSITORY_PATH=${repo}`);
    expect(log).toContain('BORGITORY_HOOK_PHASE=pre');
    expect(log).toContain('BORGITORY_STATUS=running');
    expect(log).toContain('DUMP_TARGET=/var/backups');
    expect(log).toContain('borg prune --list --keep-daily 2 --glob-archives docs-* REPOSITORY');
    expect(log).toContain('borg compact REPOSITORY');
    expect(log).toContain(`Analyzing archive ${archive}`);
    expect(log).toContain(`report: status=completed archive=${archive} repository=Scheduled`);
    for (const secret of [PASSPHRASE, SERVER_SECRET, 'aws-secret-from-the-server-environment']) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/BORG_PASSPHRASE|AWS_SECRET_ACCESS_KEY|BORGITORY_SECRET_KEY/);

    const runs = await agent.get(`/api/schedules/${schedule.id}/runs`).expect(200);
    expect(runs.body.meta.total).toBe(1);
    expect(runs.body.data[0].id).toBe(job.id);
    const read = await agent.get(`/api/schedules/${schedule.id}`).expect(200);
    expect(read.body.data.last_run).toMatchObject({ id: job.id, status: 'completed', error: null });
    const jobsOfSchedule = await agent.get(`/api/jobs?schedule_id=${schedule.id}`).expect(200);
    expect(jobsOfSchedule.body.meta.total).toBe(1);
  });

  it('keeps policies that schedules use, and forgets the schedules of a removed repository', async () => {
    const other = join(testApp.work, 'other-repo');
    const repository = await agent.post('/api/repositories').send({ name: 'Short-lived', path: other, encryption: 'none' }).expect(201);
    const pruning = await agent.post('/api/pruning-policies').send({ name: 'In use', keep_last: 1 }).expect(201);
    const check = await agent.post('/api/check-policies').send({ name: 'In use', scope: 'repository_only' }).expect(201);
    const schedule = await create({
      ...base(),
      name: 'On a short-lived repository',
      repository_id: repository.body.data.id,
      pruning_policy_id: pruning.body.data.id,
      check_policy_id: check.body.data.id,
    }).expect(201);

    const refused = await agent.delete(`/api/pruning-policies/${pruning.body.data.id}`).expect(409);
    expect(refused.body.error.message).toContain('"On a short-lived repository"');
    expect(refused.body.error.details).toEqual({ schedule_ids: [schedule.body.data.id] });
    await agent.delete(`/api/check-policies/${check.body.data.id}`).expect(409);

    await agent.delete(`/api/repositories/${repository.body.data.id}`).expect(204);
    await agent.get(`/api/schedules/${schedule.body.data.id}`).expect(404);
    await agent.delete(`/api/pruning-policies/${pruning.body.data.id}`).expect(204);
    await agent.delete(`/api/check-policies/${check.body.data.id}`).expect(204);
  });
});
