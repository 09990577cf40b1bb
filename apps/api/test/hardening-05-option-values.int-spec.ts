import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Agent } from 'supertest';
import { borgCli } from './support/borg-cli';
import { waitForFinish, type JobBody } from './support/job-client';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

/** Archives whose names start with "-", and one that must be left alone, oldest first. */
const DASHED = ['-nightly-1', '-nightly-2', '-nightly-3'];
const OTHER = 'weekly-1';

/**
 * Issue 13, item 5: a comment, an exclude pattern or a glob_archives that starts with "-" made borg fail with
 * "expected one argument". Every value now reaches borg as --option=value, so borg takes it as the value it is.
 */
describe('option values that start with "-" reach borg as values', () => {
  let testApp: TestApp;
  let agent: Agent;
  let repo: string;
  let cliBase: string;
  let repositoryId: number;
  let source: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    agent = await setupAdmin(testApp);
    repo = join(testApp.work, 'repo');
    cliBase = join(testApp.work, 'cli');
    // borg matches an exclude pattern from the start of the archived path (no leading "/"), so for a pattern that
    // starts with "-" to apply, the source's first path component must start with "-" too.
    source = mkdtempSync('/-borgitory-option-values-');
    writeFileSync(join(source, 'keep.txt'), 'kept\n');
    writeFileSync(join(source, 'skip.tmp'), 'excluded\n');
    repositoryId = (await agent.post('/api/repositories').send({ name: 'Dashes', path: repo, encryption: 'none' }).expect(201)).body.data
      .id;
  });
  afterAll(async () => {
    await testApp?.close();
    if (source) rmSync(source, { recursive: true, force: true });
  });

  const archiveNames = (): string[] =>
    JSON.parse(borgCli(['list', '--json', repo], { baseDir: cliBase })).archives.map((a: { name: string }) => a.name);

  async function finished(request: Promise<{ body: { data: { id: number } } }>): Promise<JobBody & { log: string }> {
    const job = await waitForFinish(agent, (await request).body.data.id, 60_000);
    const lines = (await agent.get(`/api/jobs/${job.id}/logs?limit=1000`).expect(200)).body.data.lines as Array<{ message: string }>;
    return { ...job, log: lines.map((line) => line.message).join('\n') };
  }

  it('a backup comment that starts with "-" is stored by borg exactly as given', async () => {
    const comment = '--dry-run';
    const job = await finished(
      agent
        .post('/api/backups/manual')
        .send({ repository_id: repositoryId, source_path: source, archive_name: 'commented', comment })
        .expect(201),
    );
    expect({ status: job.status, error: job.error }).toEqual({ status: 'completed', error: null });
    const info = JSON.parse(borgCli(['info', '--json', `${repo}::commented`], { baseDir: cliBase }));
    expect(info.archives[0].comment).toBe(comment);
    const listed = (await agent.get(`/api/repositories/${repositoryId}/archives?refresh=true`).expect(200)).body.data;
    expect(listed.find((archive: { name: string }) => archive.name === 'commented')).toMatchObject({ comment });
  });

  it('an exclude pattern that starts with "-" is accepted by borg and excludes what it matches', async () => {
    const pattern = `${basename(source)}/*.tmp`;
    expect(pattern.startsWith('-')).toBe(true);
    const job = await finished(
      agent
        .post('/api/backups/manual')
        .send({ repository_id: repositoryId, source_path: source, archive_name: 'excluded', exclude_patterns: [pattern] })
        .expect(201),
    );
    expect({ status: job.status, error: job.error }).toEqual({ status: 'completed', error: null });
    const files = borgCli(['list', '--short', `${repo}::excluded`], { baseDir: cliBase })
      .split('\n')
      .filter(Boolean);
    const stored = source.slice(1);
    expect(files).toContain(`${stored}/keep.txt`);
    expect(files).not.toContain(`${stored}/skip.tmp`);
  });

  describe('glob_archives that starts with "-"', () => {
    beforeAll(() => {
      const timestamps = ['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'];
      [...DASHED, OTHER].forEach((name, index) => {
        borgCli(['create', `--timestamp=${timestamps[index]}T02:00:00`, `${repo}::${name}`, source], { baseDir: cliBase });
      });
    });

    it('a check policy checks exactly the archives it matches', async () => {
      const policy = await agent
        .post('/api/check-policies')
        .send({ name: 'Dashed', scope: 'archives_only', glob_archives: '-nightly-*' })
        .expect(201);
      const job = await finished(
        agent.post(`/api/repositories/${repositoryId}/check`).send({ check_policy_id: policy.body.data.id }).expect(201),
      );
      expect({ status: job.status, error: job.error }).toEqual({ status: 'completed', error: null });
      expect([...job.log.matchAll(/Analyzing archive (\S+) \(\d+\/\d+\)/g)].map((match) => match[1])).toEqual(DASHED);
    });

    it('a pruning policy prunes among exactly the archives it matches', async () => {
      const policy = await agent
        .post('/api/pruning-policies')
        .send({ name: 'Dashed', keep_last: 1, glob_archives: '-nightly-*' })
        .expect(201);
      const job = await finished(
        agent.post(`/api/repositories/${repositoryId}/prune`).send({ pruning_policy_id: policy.body.data.id }).expect(201),
      );
      expect({ status: job.status, error: job.error }).toEqual({ status: 'completed', error: null });
      expect(job.result).toMatchObject({ kept: [{ name: '-nightly-3' }] });
      expect((job.result as { pruned: string[] }).pruned.sort()).toEqual(['-nightly-1', '-nightly-2']);
      expect(archiveNames().sort()).toEqual(['-nightly-3', 'commented', 'excluded', OTHER].sort());
    });
  });
});
