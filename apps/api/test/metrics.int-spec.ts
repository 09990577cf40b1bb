import { join } from 'node:path';
import { writeTree } from '@borgitory/borg-runner/testing';
import parsePrometheusTextFormat, { PrometheusFamily, PrometheusSample } from 'parse-prometheus-text-format';
import type { Agent } from 'supertest';
import { waitForFinish } from './support/job-client';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

interface OverviewEntry {
  id: number;
  health: string;
  archives_count: number | null;
  last_backup: { id: number; duration_seconds: number; finished_at: string } | null;
}

const TOKEN = 'metrics-token-0123456789abcdef-canary';
const UNAUTHORIZED = { status: 'error', error: { code: 'UNAUTHORIZED', message: 'Authentication required' } };

describe('GET /metrics', () => {
  let testApp: TestApp;
  let agent: Agent;
  let repositoryId: number;
  let jobId: number;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { BORGITORY_METRICS_TOKEN: TOKEN } });
    agent = await setupAdmin(testApp);
    const source = writeTree(join(testApp.work, 'source'), { 'a.txt': 'alpha'.repeat(1000), 'b/c.txt': 'gamma' });
    const created = await agent
      .post('/api/repositories')
      .send({ name: 'Photos "2026"', path: join(testApp.work, 'repo'), encryption: 'none' })
      .expect(201);
    repositoryId = created.body.data.id;
    const started = await agent.post('/api/backups/manual').send({ repository_id: repositoryId, source_path: source }).expect(201);
    const job = await waitForFinish(agent, started.body.data.id);
    expect(job.status).toBe('completed');
    jobId = job.id;
  });
  afterAll(() => testApp?.close());

  const scrape = async () => {
    const response = await testApp.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4; charset=utf-8$/);
    lastText = response.text;
    return parsePrometheusTextFormat(response.text);
  };
  let lastText = '';
  /** The parser keeps a histogram's buckets by `le` only, without its other labels, count and sum: those lines are read here. */
  const histogramLine = (line: string) => {
    const found = lastText.split('\n').find((each) => each.startsWith(`${line} `));
    if (found === undefined) throw new Error(`no line ${line}`);
    return Number(found.slice(line.length + 1));
  };
  const family = (families: PrometheusFamily[], name: string) => {
    const found = families.find((each) => each.name === name);
    if (!found) throw new Error(`${name} is not in the metrics`);
    return found;
  };
  const sample = (families: PrometheusFamily[], name: string, labels: Record<string, string> = {}): PrometheusSample => {
    const found = family(families, name).metrics.find((each) =>
      Object.entries(labels).every(([key, value]) => each.labels?.[key] === value),
    );
    if (!found) throw new Error(`${name} has no sample labelled ${JSON.stringify(labels)}`);
    return found;
  };
  const value = (families: PrometheusFamily[], name: string, labels: Record<string, string> = {}) =>
    Number(sample(families, name, labels).value);

  it('has the figures the API has, for a repository with a real backup', async () => {
    // The figures are read again from borg in the background after a backup: compare a scrape with API answers
    // from just before and after it that agree.
    let families: PrometheusFamily[] = [];
    let repository: Record<string, unknown> = {};
    let overview: { repositories: OverviewEntry[] } = { repositories: [] };
    for (let attempt = 0; ; attempt++) {
      const before = (await agent.get(`/api/repositories/${repositoryId}`).expect(200)).body.data;
      families = await scrape();
      repository = (await agent.get(`/api/repositories/${repositoryId}`).expect(200)).body.data;
      overview = (await agent.get('/api/overview').expect(200)).body.data;
      if (JSON.stringify(before) === JSON.stringify(repository)) break;
      if (attempt === 20) throw new Error('the repository kept changing');
    }
    const entry = overview.repositories.find((each) => each.id === repositoryId);
    if (!entry?.last_backup) throw new Error('the overview has no last backup of the repository');
    const labels = { repository_id: String(repositoryId), repository: 'Photos "2026"' };

    expect(value(families, 'borgitory_repository_archives', labels)).toBe(1);
    expect(entry.archives_count).toBe(1);
    expect(value(families, 'borgitory_repository_original_size_bytes', labels)).toBe(repository.original_size);
    expect(value(families, 'borgitory_repository_compressed_size_bytes', labels)).toBe(repository.compressed_size);
    expect(value(families, 'borgitory_repository_deduplicated_size_bytes', labels)).toBe(repository.deduplicated_size);
    expect(repository.original_size).toBeGreaterThan(5000);
    expect(value(families, 'borgitory_repository_overdue', labels)).toBe(0);
    expect(repository.overdue).toBe(false);
    expect(value(families, 'borgitory_repository_newest_archive_timestamp_seconds', labels)).toBe(
      Date.parse(repository.newest_archive_at as string) / 1000,
    );
    expect(value(families, 'borgitory_repository_unacknowledged_failures', labels)).toBe(0);

    expect(entry.last_backup.id).toBe(jobId);
    expect(value(families, 'borgitory_repository_last_backup_status', { ...labels, status: 'completed' })).toBe(1);
    for (const status of ['warning', 'failed', 'cancelled', 'interrupted']) {
      expect(value(families, 'borgitory_repository_last_backup_status', { ...labels, status })).toBe(0);
    }
    expect(value(families, 'borgitory_repository_last_backup_duration_seconds', labels)).toBe(entry.last_backup.duration_seconds);
    expect(value(families, 'borgitory_repository_last_backup_timestamp_seconds', labels)).toBe(
      Date.parse(entry.last_backup.finished_at) / 1000,
    );
    expect(value(families, 'borgitory_repository_health', { ...labels, health: entry.health })).toBe(1);
    expect(family(families, 'borgitory_repository_health').metrics.filter((each) => each.value === '1')).toHaveLength(1);

    expect(value(families, 'borgitory_jobs', { type: 'backup', status: 'completed' })).toBe(1);
    expect(value(families, 'borgitory_jobs_queued')).toBe(0);
    expect(value(families, 'borgitory_jobs_running')).toBe(0);
    const durations = family(families, 'borgitory_job_duration_seconds');
    expect(durations.type).toBe('HISTOGRAM');
    // One job finished so far: the parser's buckets are its.
    expect(durations.metrics).toHaveLength(1);
    expect(Number(durations.metrics[0].buckets?.['+Inf'])).toBe(1);
    const series = '{type="backup",status="completed"}';
    expect(histogramLine(`borgitory_job_duration_seconds_count${series}`)).toBe(1);
    expect(histogramLine(`borgitory_job_duration_seconds_sum${series}`)).toBeCloseTo(entry.last_backup.duration_seconds, 3);

    // The process's own metrics, in this registry.
    expect(value(families, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(value(families, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('a session is enough, as for any route', async () => {
    const response = await agent.get('/metrics').expect(200);
    expect(response.text).toContain('borgitory_repository_archives{');
  });

  it('answers 401 without credentials, with a wrong token, and the token opens nothing else', async () => {
    const without = await testApp.http().get('/metrics').expect(401);
    expect(without.body).toEqual(UNAUTHORIZED);
    for (const header of [`Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, 'Bearer ']) {
      expect((await testApp.http().get('/metrics').set('Authorization', header).expect(401)).body).toEqual(UNAUTHORIZED);
    }
    expect((await testApp.http().get('/api/overview').set('Authorization', `Bearer ${TOKEN}`).expect(401)).body).toEqual(UNAUTHORIZED);
    const post = await testApp.http().post('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(405);
    expect(post.headers['allow']).toBe('GET, HEAD');
  });
});
