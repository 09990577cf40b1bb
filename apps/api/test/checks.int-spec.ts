import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { borgCli } from './support/borg-cli';
import { waitForFinish } from './support/job-client';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

/** Each check option must reach borg: its own INFO lines in the job's log say what it checked. */
describe('check policies and check jobs on real borg', () => {
  let testApp: TestApp;
  let agent: Agent;
  let repositoryId: number;

  beforeAll(async () => {
    testApp = await startTestApp();
    agent = await setupAdmin(testApp);
    const repo = join(testApp.work, 'repo');
    const source = join(testApp.work, 'src');
    mkdirSync(source);
    writeFileSync(join(source, 'a.txt'), 'some data to verify');
    const created = await agent.post('/api/repositories').send({ name: 'Check', path: repo, encryption: 'none' }).expect(201);
    repositoryId = created.body.data.id;
    const cliBase = join(testApp.work, 'cli-base');
    for (const [name, day] of [
      ['a-1', '10'],
      ['b-1', '11'],
      ['a-2', '12'],
      ['b-2', '13'],
    ]) {
      borgCli(['create', '--timestamp', `2026-11-${day}T02:00:00`, `${repo}::${name}`, source], { baseDir: cliBase });
    }
  });
  afterAll(() => testApp.close());

  async function runCheck(body: Record<string, unknown>): Promise<{ status: string; log: string; error: unknown }> {
    const started = await agent.post(`/api/repositories/${repositoryId}/check`).send(body).expect(201);
    expect(started.body.data.type).toBe('check');
    const job = await waitForFinish(agent, started.body.data.id, 60_000);
    const lines = (await agent.get(`/api/jobs/${job.id}/logs?limit=1000`).expect(200)).body.data.lines as Array<{ message: string }>;
    return { status: job.status, log: lines.map((line) => line.message).join('\n'), error: job.error };
  }
  async function checkWith(policy: Record<string, unknown>) {
    const created = await agent
      .post('/api/check-policies')
      .send({ name: JSON.stringify(policy), ...policy })
      .expect(201);
    return runCheck({ check_policy_id: created.body.data.id });
  }
  const analyzed = (log: string) => [...log.matchAll(/Analyzing archive (\S+) \((\d+)\/(\d+)\)/g)].map((m) => m[1]);

  it('refuses combinations borg would refuse, naming the field', async () => {
    const policy = (body: Record<string, unknown>) => agent.post('/api/check-policies').send({ name: 'x', ...body });
    expect(Object.keys((await policy({ scope: 'repository_only', verify_data: true }).expect(422)).body.error.details)).toEqual([
      'verify_data',
    ]);
    expect(Object.keys((await policy({ scope: 'full', max_duration: 60 }).expect(422)).body.error.details)).toEqual(['max_duration']);
    expect(Object.keys((await policy({ scope: 'repository_only', last: 2 }).expect(422)).body.error.details)).toEqual(['scope']);
    expect(Object.keys((await policy({ scope: 'archives_only', first: 1, last: 1 }).expect(422)).body.error.details)).toEqual(['last']);
    expect(Object.keys((await policy({ scope: 'everything' }).expect(422)).body.error.details)).toEqual(['scope']);
    const created = await policy({ scope: 'full' }).expect(201);
    await policy({ scope: 'full' }).expect(409);
    const updated = await agent
      .put(`/api/check-policies/${created.body.data.id}`)
      .send({ name: 'x', scope: 'archives_only', last: 2 })
      .expect(200);
    expect(updated.body.data).toMatchObject({ scope: 'archives_only', last: 2, first: null, verify_data: false });
    await agent.delete(`/api/check-policies/${created.body.data.id}`).expect(204);
    await agent.get(`/api/check-policies/${created.body.data.id}`).expect(404);
  });

  it('a check without a policy checks the repository and every archive', async () => {
    const { status, log } = await runCheck({});
    expect(status).toBe('completed');
    expect(log).toContain('Starting repository check');
    expect(log).toContain('Starting archive consistency check');
    expect(analyzed(log)).toEqual(['a-1', 'b-1', 'a-2', 'b-2']);
  });

  it('repository_only with max_duration runs a partial repository check and no archive check', async () => {
    const { status, log } = await checkWith({ scope: 'repository_only', max_duration: 600 });
    expect(status).toBe('completed');
    expect(log).toContain('Finished partial repository check, no problems found.');
    expect(log).not.toContain('archive consistency');
  });

  it('archives_only with glob_archives, first and last checks exactly those archives; verify_data reads the data', async () => {
    const globbed = await checkWith({ scope: 'archives_only', glob_archives: 'b-*' });
    expect(globbed.log).not.toContain('Starting repository check');
    expect(analyzed(globbed.log)).toEqual(['b-1', 'b-2']);
    expect(analyzed((await checkWith({ scope: 'archives_only', first: 1 })).log)).toEqual(['a-1']);
    const last = await checkWith({ scope: 'archives_only', last: 2, verify_data: true });
    expect(analyzed(last.log)).toEqual(['a-2', 'b-2']);
    expect(last.log).toContain('Starting cryptographic data integrity verification');
    expect(last.log).toMatch(/verified \d+ chunks with 0 integrity errors/);
  });

  it('repair needs confirm: "repair"', async () => {
    const refused = await agent.post(`/api/repositories/${repositoryId}/check`).send({ repair: true }).expect(422);
    expect(Object.keys(refused.body.error.details)).toEqual(['confirm']);
    await agent.post(`/api/repositories/${repositoryId}/check`).send({ repair: true, confirm: 'yes' }).expect(422);
    const { status, log } = await runCheck({ repair: true, confirm: 'repair' });
    expect(status).toBe('completed');
    expect(log).toContain('borg check --info --repair REPOSITORY');
    expect(log).toContain('Starting repository check');
    await agent.post(`/api/repositories/${repositoryId}/check`).send({ check_policy_id: 999 }).expect(422);
    await agent.post('/api/repositories/9999/check').send({}).expect(404);
  });
});
