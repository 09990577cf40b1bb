import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { borgCli } from './support/borg-cli';
import { getJob, readEvents, waitForFinish, waitForJob } from './support/job-client';
import { writeTree } from '@borgitory/borg-runner/testing';
import { writeManyFiles } from './support/source-tree';
import { ADMIN, setupAdmin, startTestApp, TestApp } from './support/test-app';

const PASSPHRASE = 'backup passphrase 3';

/** Command lines of running borg processes that mention `needle`. */
function borgProcessesFor(needle: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
      if (cmdline.includes('borg') && cmdline.includes(needle) && state !== 'Z') found.push(cmdline);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describe('manual backups on real borg', () => {
  let testApp: TestApp;
  let agent: Agent;
  let work: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    agent = await setupAdmin(testApp);
    work = testApp.work;
  });
  afterAll(() => testApp.close());

  let repositoryCount = 0;
  async function newRepository(encryption = 'none'): Promise<{ id: number; path: string }> {
    const path = join(work, `repo-${++repositoryCount}`);
    const body = { name: `Repo ${repositoryCount}`, path, encryption, ...(encryption === 'none' ? {} : { passphrase: PASSPHRASE }) };
    const response = await agent.post('/api/repositories').send(body).expect(201);
    return { id: response.body.data.id, path };
  }
  const backup = (body: Record<string, unknown>) => agent.post('/api/backups/manual').send(body);

  it('backs up with zstd and excludes: the archive listing and info prove both', async () => {
    const repository = await newRepository('repokey-blake2');
    const source = writeTree(join(work, 'docs'), {
      'keep/a.txt': 'alpha\n',
      'keep/b.txt': 'beta\n',
      'scratch.tmp': 'temporary\n',
      'logs/app.log': 'log line\n',
      'keep/deep/trace.log': 'deep log\n',
    });

    const started = await backup({
      repository_id: repository.id,
      source_path: source,
      archive_name: 'docs-{now:%Y%m%d-%H%M%S}',
      compression: 'zstd,3',
      exclude_patterns: ['*.tmp', 'sh:**/*.log'],
    }).expect(201);
    expect(started.body).toMatchObject({
      status: 'success',
      message: 'Backup started',
      data: { type: 'backup', repository_id: repository.id },
    });
    expect(started.body.data.parameters).toMatchObject({ source_paths: [source], compression: 'zstd,3' });

    const job = await waitForFinish(agent, started.body.data.id, 60_000);
    expect(job).toMatchObject({ status: 'completed', error: null, warnings: [] });
    const archive = String(job.result?.archive_name);
    expect(archive).toMatch(/^docs-\d{8}-\d{6}$/);
    expect(job.result).toMatchObject({ files: 2 });

    const cli = { baseDir: join(work, 'cli-base'), passphrase: PASSPHRASE };
    const listed = borgCli(['list', '--json-lines', `${repository.path}::${archive}`], cli)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).path as string);
    expect(listed.filter((path) => path.endsWith('.txt')).sort()).toEqual([
      `${source.slice(1)}/keep/a.txt`,
      `${source.slice(1)}/keep/b.txt`,
    ]);
    expect(listed.some((path) => path.endsWith('.tmp') || path.endsWith('.log'))).toBe(false);

    const info = JSON.parse(borgCli(['info', '--json', `${repository.path}::${archive}`], cli));
    expect(info.archives[0].command_line.join(' ')).toMatch(/--compression[ =]zstd,3/);

    const stored = await agent.get(`/api/repositories/${repository.id}`).expect(200);
    expect(stored.body.data.archives_count).toBe(1);
  });

  it('streams live progress and then done over SSE', async () => {
    const repository = await newRepository();
    const source = writeManyFiles(join(work, 'streamed'), 5000);
    const started = await backup({ repository_id: repository.id, source_path: source }).expect(201);
    const server = testApp.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const login = await testApp.http().post('/api/auth/login').send(ADMIN).expect(200);
    const cookie = (login.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');

    const events = await readEvents(
      `http://127.0.0.1:${port}/api/jobs/${started.body.data.id}/stream`,
      { Cookie: cookie },
      (event) => event.event === 'done',
    );
    const names = events.map((event) => event.event);
    expect(names[0]).toBe('status');
    expect(names.at(-1)).toBe('done');
    const progress = events.filter((event) => event.event === 'progress').map((event) => JSON.parse(event.data));
    expect(progress.some((update) => update.files > 0 && update.original_size > 0)).toBe(true);
    expect(names.indexOf('progress')).toBeLessThan(names.indexOf('done'));
    expect(JSON.parse(String(events.at(-1)?.data)).status).toBe('completed');
  });

  it('refuses a bad request with 422 before any job exists', async () => {
    const repository = await newRepository();
    const source = writeTree(join(work, 'valid-source'), { 'a.txt': 'a' });
    const jobsBefore = (await agent.get('/api/jobs').expect(200)).body.meta.total;

    const cases: [Record<string, unknown>, string][] = [
      [{ repository_id: 9999, source_path: source }, 'repository_id'],
      [{ repository_id: repository.id, source_path: join(work, 'missing') }, 'source_path'],
      [{ repository_id: repository.id, source_paths: [source, 'relative/dir'] }, 'source_paths'],
      [{ repository_id: repository.id, source_path: source, compression: 'zstd,99' }, 'compression'],
      [{ repository_id: repository.id, source_path: source, exclude_patterns: ['re:(unclosed'] }, 'exclude_patterns'],
      [{ repository_id: repository.id, source_path: source, source_paths: [source] }, 'source_paths'],
      [{ repository_id: repository.id }, 'source_path'],
      [{ repository_id: repository.id, source_path: source, archive_name: 'a/b' }, 'archive_name'],
    ];
    for (const [body, field] of cases) {
      const response = await backup(body).expect(422);
      expect(response.body.error.code).toBe('VALIDATION_ERROR');
      expect(Object.keys(response.body.error.details)).toContain(field);
    }
    expect((await agent.get('/api/jobs').expect(200)).body.meta.total).toBe(jobsBefore);

    const badPattern = await backup({
      repository_id: repository.id,
      source_path: source,
      exclude_patterns: ['*.tmp', 're:(unclosed'],
    }).expect(422);
    expect(badPattern.body.error.details.exclude_patterns).toEqual(['"(unclosed" is not a valid regular expression']);
  });

  it("reports borg's exit code 1 as a warning with the warnings listed", async () => {
    const repository = await newRepository();
    const source = writeTree(join(work, 'warning'), { 'fine.txt': 'fine' });
    // A file no one can read, not even root: the memory of another process.
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    const unreadable = `/proc/${sleeper.pid}/mem`;
    try {
      const started = await backup({ repository_id: repository.id, source_paths: [source, unreadable] }).expect(201);
      const job = await waitForFinish(agent, started.body.data.id, 60_000);
      expect(job.status).toBe('warning');
      expect(job.warnings).toEqual([`${unreadable}: read: [Errno 5] Input/output error`]);
      expect((job.result as { archive_name: string }).archive_name).toBeTruthy();
    } finally {
      sleeper.kill();
    }
  });

  it('fails a queued backup whose source is gone by the time it runs, before borg makes an empty archive', async () => {
    const repository = await newRepository();
    const big = writeManyFiles(join(work, 'warning-big'), 3000);
    const vanishing = writeTree(join(work, 'vanishing'), { 'soon-gone.txt': 'bye' });
    const first = await backup({ repository_id: repository.id, source_path: big }).expect(201);
    await waitForJob(agent, first.body.data.id, (job) => job.status === 'running');
    const second = await backup({ repository_id: repository.id, source_path: vanishing }).expect(201);
    expect(second.body.data.status).toBe('queued');
    rmSync(vanishing, { recursive: true });
    expect((await getJob(agent, first.body.data.id)).status).toBe('running');

    const job = await waitForFinish(agent, second.body.data.id, 60_000);
    expect(job.status).toBe('failed');
    expect(job.error).toEqual({ code: 'SOURCE_UNAVAILABLE', message: `Nothing was backed up: ${vanishing} does not exist` });
    const archives = (await agent.get(`/api/repositories/${repository.id}/archives?refresh=true`).expect(200)).body.meta.total;
    expect(archives).toBe(1);
  });

  it('cancels a running backup: borg ends, and the next backup on the repository succeeds', async () => {
    const repository = await newRepository();
    const big = writeManyFiles(join(work, 'cancel-big'), 20_000);
    const started = await backup({ repository_id: repository.id, source_path: big }).expect(201);
    const id = started.body.data.id;
    await waitForJob(agent, id, (job) => Number(job.progress?.files ?? 0) > 0);
    expect(borgProcessesFor(repository.path)).not.toEqual([]);

    const busyDelete = await agent.delete(`/api/repositories/${repository.id}?delete_data=true`).expect(409);
    expect(busyDelete.body.error.code).toBe('REPOSITORY_BUSY');
    expect((await agent.post(`/api/repositories/${repository.id}/break-lock`).expect(409)).body.error.code).toBe('REPOSITORY_BUSY');

    await agent.post(`/api/jobs/${id}/cancel`).expect(200);
    expect((await waitForFinish(agent, id, 60_000)).status).toBe('cancelled');
    expect(borgProcessesFor(repository.path)).toEqual([]);

    const small = writeTree(join(work, 'after-cancel'), { 'ok.txt': 'ok' });
    // Its own name: the retry below starts within the same second, and the default name counts whole seconds.
    const next = await backup({ repository_id: repository.id, source_path: small, archive_name: 'after-cancel' }).expect(201);
    expect((await waitForFinish(agent, next.body.data.id, 60_000)).status).toBe('completed');

    const retried = await agent.post(`/api/jobs/${id}/retry`).expect(201);
    expect(retried.body.data.retry_of_id).toBe(id);
    expect((await waitForFinish(agent, retried.body.data.id, 60_000)).status).toBe('completed');
  });

  it('runs two backups of one repository one after the other', async () => {
    const repository = await newRepository();
    const source = writeManyFiles(join(work, 'serial'), 1500);
    const [a, b] = await Promise.all([
      backup({ repository_id: repository.id, source_path: source, archive_name: 'first' }).expect(201),
      backup({ repository_id: repository.id, source_path: source, archive_name: 'second' }).expect(201),
    ]);
    const [jobA, jobB] = [await waitForFinish(agent, a.body.data.id, 60_000), await waitForFinish(agent, b.body.data.id, 60_000)];
    expect([jobA.status, jobB.status]).toEqual(['completed', 'completed']);
    const [earlier, later] = [jobA, jobB].sort((x, y) => Date.parse(String(x.started_at)) - Date.parse(String(y.started_at)));
    expect(Date.parse(String(later.started_at))).toBeGreaterThanOrEqual(Date.parse(String(earlier.finished_at)));
  });

  it('runs backups of two repositories at the same time', async () => {
    const [one, two] = [await newRepository(), await newRepository()];
    const source = writeManyFiles(join(work, 'parallel'), 4000);
    const [a, b] = await Promise.all([
      backup({ repository_id: one.id, source_path: source }).expect(201),
      backup({ repository_id: two.id, source_path: source }).expect(201),
    ]);
    const [jobA, jobB] = [await waitForFinish(agent, a.body.data.id, 60_000), await waitForFinish(agent, b.body.data.id, 60_000)];
    expect([jobA.status, jobB.status]).toEqual(['completed', 'completed']);
    const overlap =
      Date.parse(String(jobA.started_at)) < Date.parse(String(jobB.finished_at)) &&
      Date.parse(String(jobB.started_at)) < Date.parse(String(jobA.finished_at));
    expect(overlap).toBe(true);
  });
});
