import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { borgCli, borgPruneDryRun } from './support/borg-cli';
import { getJob, waitForFinish } from './support/job-client';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

/** Archives borg-style: ten days of nightly backups of two kinds, made with --timestamp. */
const DAYS = [
  '2026-11-10',
  '2026-11-11',
  '2026-11-12',
  '2026-11-13',
  '2026-11-14',
  '2026-11-15',
  '2026-11-16',
  '2026-11-17',
  '2026-11-18',
  '2026-11-19',
];

describe('pruning policies and prune jobs on real borg', () => {
  let testApp: TestApp;
  let agent: Agent;
  let repositoryId: number;
  let repo: string;
  let cliBase: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    agent = await setupAdmin(testApp);
    repo = join(testApp.work, 'repo');
    cliBase = join(testApp.work, 'cli-base');
    const source = join(testApp.work, 'src');
    mkdirSync(source);
    writeFileSync(join(source, 'a.txt'), 'a');
    const created = await agent.post('/api/repositories').send({ name: 'Prune', path: repo, encryption: 'none' }).expect(201);
    repositoryId = created.body.data.id;
    for (const day of DAYS) {
      for (const kind of ['docs', 'photos']) {
        borgCli(['create', '--timestamp', `${day}T02:00:00`, `${repo}::${kind}-${day}`, source], { baseDir: cliBase });
      }
    }
    const list = await agent.get(`/api/repositories/${repositoryId}/archives?refresh=true&limit=100`).expect(200);
    expect(list.body.meta.total).toBe(20);
  });
  afterAll(() => testApp.close());

  const policy = (body: Record<string, unknown>) => agent.post('/api/pruning-policies').send(body);

  it('creates, reads, updates and deletes policies; refuses one without a keep rule', async () => {
    const none = await policy({ name: 'Nothing kept' }).expect(422);
    expect(none.body.error.details.keep[0]).toContain('at least one keep');
    const zero = await policy({ name: 'Zero', keep_daily: 0 }).expect(422);
    expect(Object.keys(zero.body.error.details)).toEqual(['keep_daily']);
    const within = await policy({ name: 'Bad within', keep_within: '7 days' }).expect(422);
    expect(within.body.error.details.keep_within).toEqual(['Keep within must be a number followed by H (hours), d, w, m or y, e.g. 7d']);
    expect(within.body.error.message).toBe('Keep within must be a number followed by H (hours), d, w, m or y, e.g. 7d');

    const created = await policy({ name: 'Weekly', keep_weekly: 4, keep_within: '2d', compact_after: true }).expect(201);
    expect(created.body.data).toMatchObject({ name: 'Weekly', keep_weekly: 4, keep_within: '2d', keep_daily: null, compact_after: true });
    await policy({ name: 'Weekly', keep_last: 1 }).expect(409);
    const id = created.body.data.id;
    // PUT changes only what it gives (docs/api.md): the rules it drops are given as null.
    const updated = await agent
      .put(`/api/pruning-policies/${id}`)
      .send({ name: 'Weekly', keep_monthly: 2, keep_weekly: null, keep_within: null, compact_after: false })
      .expect(200);
    expect(updated.body.data).toMatchObject({ keep_weekly: null, keep_within: null, keep_monthly: 2, compact_after: false });
    expect((await agent.get('/api/pruning-policies').expect(200)).body.meta.total).toBe(1);
    await agent.delete(`/api/pruning-policies/${id}`).expect(204);
    await agent.get(`/api/pruning-policies/${id}`).expect(404);
  });

  it('previews exactly what borg prune --dry-run --list decides, with the rule for each kept archive', async () => {
    const created = await policy({ name: 'Docs daily 3, weekly 2', keep_daily: 3, keep_weekly: 2, glob_archives: 'docs-*' }).expect(201);
    const preview = await agent
      .post(`/api/pruning-policies/${created.body.data.id}/preview`)
      .send({ repository_id: repositoryId })
      .expect(200);
    const expected = borgPruneDryRun(repo, { baseDir: cliBase }, ['--keep-daily', '3', '--keep-weekly', '2', '--glob-archives', 'docs-*']);
    const kept = Object.fromEntries(preview.body.data.keep.map((k: { name: string; rule: string }) => [k.name, k.rule]));
    expect(kept).toEqual(expected.kept);
    expect([...preview.body.data.prune].sort()).toEqual([...expected.pruned].sort());
    expect(Object.keys(kept)).toHaveLength(5);
    expect(preview.body.data.prune.every((name: string) => name.startsWith('docs-'))).toBe(true);
    await agent.post(`/api/pruning-policies/${created.body.data.id}/preview`).send({ repository_id: 999 }).expect(422);
  });

  it('prunes as a job, compacts after it, and the archive list follows', async () => {
    const created = await policy({ name: 'Photos last 2', keep_last: 2, glob_archives: 'photos-*', compact_after: true }).expect(201);
    const expected = borgPruneDryRun(repo, { baseDir: cliBase }, ['--keep-last', '2', '--glob-archives', 'photos-*']);
    const started = await agent
      .post(`/api/repositories/${repositoryId}/prune`)
      .send({ pruning_policy_id: created.body.data.id })
      .expect(201);
    expect(started.body.data).toMatchObject({ type: 'prune', status: 'queued' });
    const job = await waitForFinish(agent, started.body.data.id, 60_000);
    expect(job.status).toBe('completed');
    const steps = (await getJob(agent, job.id)).steps as Array<{ type: string; status: string }>;
    expect(steps.map((step) => `${step.type}:${step.status}`)).toEqual(['prune:completed', 'compact:completed']);
    expect((job.result as { pruned: string[] }).pruned.sort()).toEqual(expected.pruned.sort());

    const names = (await agent.get(`/api/repositories/${repositoryId}/archives?limit=100`).expect(200)).body.data.map(
      (a: { name: string }) => a.name,
    );
    expect(names.filter((name: string) => name.startsWith('photos-'))).toEqual(['photos-2026-11-19', 'photos-2026-11-18']);
    expect(names.filter((name: string) => name.startsWith('docs-'))).toHaveLength(10);
    const cli = JSON.parse(borgCli(['list', '--json', repo], { baseDir: cliBase })).archives.map((a: { name: string }) => a.name);
    expect([...cli].sort()).toEqual([...names].sort());

    const log = await agent.get(`/api/jobs/${job.id}/logs?limit=1000`).expect(200);
    const text = log.body.data.lines.map((line: { message: string }) => line.message).join('\n');
    expect(text).toContain('borg prune --list --keep-last 2 --glob-archives photos-* REPOSITORY');
    expect(text).toContain('borg compact REPOSITORY');
  });

  it('a dry run deletes nothing and skips compact; an unknown policy is 422', async () => {
    const created = await policy({ name: 'Docs last 1', keep_last: 1, glob_archives: 'docs-*', compact_after: true }).expect(201);
    const started = await agent
      .post(`/api/repositories/${repositoryId}/prune`)
      .send({ pruning_policy_id: created.body.data.id, dry_run: true })
      .expect(201);
    const job = await waitForFinish(agent, started.body.data.id, 60_000);
    expect(job.status).toBe('completed');
    expect((job.result as { pruned: string[] }).pruned).toHaveLength(9);
    expect(((await getJob(agent, job.id)).steps as unknown[]).length).toBe(1);
    const total = (await agent.get(`/api/repositories/${repositoryId}/archives?refresh=true`).expect(200)).body.meta.total;
    expect(total).toBe(12);
    await agent.post(`/api/repositories/${repositoryId}/prune`).send({ pruning_policy_id: 999 }).expect(422);
    await agent.post(`/api/repositories/9999/prune`).send({ pruning_policy_id: created.body.data.id }).expect(404);
  });

  it('compacts by hand: the space of a deleted archive comes back', async () => {
    const big = join(testApp.work, 'big');
    mkdirSync(big);
    writeFileSync(join(big, 'noise.bin'), randomBytes(4 * 1024 * 1024));
    borgCli(['create', `${repo}::big-one`, big], { baseDir: cliBase });
    await agent.get(`/api/repositories/${repositoryId}/archives?refresh=true`).expect(200);
    await agent.delete(`/api/repositories/${repositoryId}/archives/big-one`).expect(204);
    const beforeCompact = bytesUnder(join(repo, 'data'));

    const started = await agent.post(`/api/repositories/${repositoryId}/compact`).expect(201);
    expect(started.body.data).toMatchObject({ type: 'compact', status: 'queued', repository_id: repositoryId });
    const job = await waitForFinish(agent, started.body.data.id, 60_000);
    expect(job.status).toBe('completed');
    expect(beforeCompact - bytesUnder(join(repo, 'data'))).toBeGreaterThan(3 * 1024 * 1024);

    await agent.post('/api/repositories/9999/compact').expect(404);
  });
});

function bytesUnder(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, entry) => sum + (entry.isDirectory() ? bytesUnder(join(dir, entry.name)) : statSync(join(dir, entry.name)).size),
    0,
  );
}
