import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { JobExecutorRegistry } from '../src/jobs/engine/job-executor-registry';
import { JobSettings } from '../src/jobs/engine/job-settings';
import { JobsService } from '../src/jobs/jobs.service';
import { enqueueStandIn, OutcomeExecutor, registerStandIn, SleepingExecutor } from './support/job-executors';
import { waitForFinish } from './support/job-client';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

interface LogLine {
  offset: number;
  time: string;
  level: string;
  message: string;
}

describe('job logs', () => {
  let testApp: TestApp;
  let agent: Agent;
  let jobs: JobsService;

  beforeAll(async () => {
    testApp = await startTestApp();
    agent = await setupAdmin(testApp);
    jobs = testApp.app.get(JobsService);
    const registry = testApp.app.get(JobExecutorRegistry);
    registerStandIn(registry, new OutcomeExecutor('compact'));
    registerStandIn(registry, new SleepingExecutor('check'));
  });
  afterAll(() => testApp.close());

  const logFile = (id: number) => join(testApp.dataDir, 'jobs', `${id}.log`);
  const finishedJob = async (parameters: Record<string, unknown>) => {
    const job = await enqueueStandIn(jobs, { type: 'compact', repositoryId: 1, parameters });
    return waitForFinish(agent, job.id);
  };

  it('pages through the log by byte offset; the pages add up to the whole file', async () => {
    const job = await finishedJob({ lines: 500 });
    const file = readFileSync(logFile(job.id), 'utf8');
    const pages: { lines: LogLine[]; next_offset: number; truncated: boolean; complete: boolean }[] = [];
    let offset = 0;
    do {
      const page = (await agent.get(`/api/jobs/${job.id}/logs?offset=${offset}&limit=200`).expect(200)).body.data;
      pages.push(page);
      offset = page.next_offset;
    } while (!pages.at(-1)?.complete);

    expect(pages.map((page) => page.lines.length)).toEqual([200, 200, 102]);
    expect(pages.map((page) => page.complete)).toEqual([false, false, true]);
    expect(offset).toBe(Buffer.byteLength(file));
    const lines = pages.flatMap((page) => page.lines);
    const rebuilt = lines.map((line) => `${line.time} ${line.level.toUpperCase()} ${line.message}\n`).join('');
    expect(rebuilt).toBe(file);
    let offsetInFile = 0;
    for (const line of lines) {
      expect(line.offset).toBe(offsetInFile);
      offsetInFile += Buffer.byteLength(`${line.time} ${line.level.toUpperCase()} ${line.message}\n`);
    }
    expect(lines[0]).toEqual({
      offset: 0,
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      level: 'info',
      message: 'Step 1/1: compact started',
    });
    expect(lines[10]).toMatchObject({ level: 'warning', message: 'line 10 of 500' });
    expect(lines.at(-1)).toMatchObject({ level: 'info', message: 'Step 1/1: compact finished (completed)' });
    expect(pages[1].lines[0].offset).toBe(pages[0].next_offset);
  });

  it('defaults to 200 lines, allows at most 1000, and refuses offsets that are not line starts', async () => {
    const job = await finishedJob({ lines: 250 });
    const first = (await agent.get(`/api/jobs/${job.id}/logs`).expect(200)).body.data;
    expect(first.lines).toHaveLength(200);
    await agent.get(`/api/jobs/${job.id}/logs?limit=1001`).expect(400);
    const inside = await agent.get(`/api/jobs/${job.id}/logs?offset=${first.lines[1].offset + 3}`).expect(400);
    expect(inside.body.error).toEqual({
      code: 'BAD_REQUEST',
      message: 'offset must be the start of a line: 0, a next_offset or an SSE event id',
    });
    const past = await agent.get(`/api/jobs/${job.id}/logs?offset=99999999`).expect(400);
    expect(past.body.error.message).toMatch(/past the end of the log/);
  });

  it('gives the whole log as text/plain with ?format=text', async () => {
    const job = await finishedJob({ lines: 30 });
    const response = await agent.get(`/api/jobs/${job.id}/logs?format=text`).expect(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(response.text).toBe(readFileSync(logFile(job.id), 'utf8'));
  });

  it('caps the log: one note past the cap, nothing after it, and log_truncated on the job', async () => {
    const settings = testApp.app.get(JobSettings);
    const cap = settings.logMaxBytes;
    settings.logMaxBytes = 4096;
    try {
      const job = await finishedJob({ lines: 500, outcome: 'warning' });
      expect(job.status).toBe('warning');
      const text = readFileSync(logFile(job.id), 'utf8');
      expect(statSync(logFile(job.id)).size).toBeLessThanOrEqual(4096 + 100);
      expect(text.trimEnd().split('\n').at(-1)).toMatch(/ WARNING … log truncated at 4.1 kB$/);
      expect(text).not.toContain('finished (warning)');

      const fetched = (await agent.get(`/api/jobs/${job.id}`).expect(200)).body.data;
      expect(fetched.log_truncated).toBe(true);
      const page = (await agent.get(`/api/jobs/${job.id}/logs?limit=1000`).expect(200)).body.data;
      expect(page).toMatchObject({ truncated: true, complete: true });
      expect(page.lines.at(-1).message).toBe('… log truncated at 4.1 kB');
    } finally {
      settings.logMaxBytes = cap;
    }
  });

  it('has no lines for a job that has not logged yet', async () => {
    const blocker = await enqueueStandIn(jobs, { type: 'check', repositoryId: 2, parameters: { until_cancelled: true } });
    const waiting = await enqueueStandIn(jobs, { type: 'check', repositoryId: 2, parameters: {} });
    try {
      const page = (await agent.get(`/api/jobs/${waiting.id}/logs`).expect(200)).body.data;
      expect(page).toEqual({ lines: [], next_offset: 0, truncated: false, complete: false });
      const text = await agent.get(`/api/jobs/${waiting.id}/logs?format=text`).expect(200);
      expect(text.text).toBe('');
    } finally {
      await agent.post(`/api/jobs/${waiting.id}/cancel`).expect(200);
      await agent.post(`/api/jobs/${blocker.id}/cancel`).expect(200);
    }
  });

  it('answers 404 for the log of a job that does not exist', async () => {
    await agent.get('/api/jobs/424242/logs').expect(404);
    await agent.get('/api/jobs/424242/logs?format=text').expect(404);
  });
});
