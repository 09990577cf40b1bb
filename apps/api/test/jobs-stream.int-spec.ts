import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { JobEvents } from '../src/jobs/streams/job-events';
import { JobExecutorRegistry } from '../src/jobs/engine/job-executor-registry';
import { JobSettings } from '../src/jobs/engine/job-settings';
import { JobsService } from '../src/jobs/jobs.service';
import { enqueueStandIn, OutcomeExecutor, registerStandIn, SleepingExecutor, waitUntil } from './support/job-executors';
import { openEvents, readEvents, SseMessage, waitForFinish } from './support/job-client';

import { ADMIN, startTestApp, TestApp } from './support/test-app';

describe('job progress over Server-Sent Events', () => {
  let testApp: TestApp;
  let agent: Agent;
  let jobs: JobsService;
  let events: JobEvents;
  let baseUrl: string;
  let headers: Record<string, string>;

  beforeAll(async () => {
    testApp = await startTestApp();
    agent = testApp.http();
    const setup = await agent.post('/api/auth/setup').send(ADMIN).expect(201);
    headers = { Cookie: (setup.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ') };
    await testApp.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;
    jobs = testApp.app.get(JobsService);
    events = testApp.app.get(JobEvents);
    const registry = testApp.app.get(JobExecutorRegistry);
    registerStandIn(registry, new SleepingExecutor('check'));
    registerStandIn(registry, new OutcomeExecutor('compact'));
  });
  afterAll(() => testApp.close());

  const streamOf = (id: number) => `${baseUrl}/api/jobs/${id}/stream`;
  const data = (event: SseMessage) => JSON.parse(event.data);
  const fileLines = (id: number) =>
    readFileSync(join(testApp.dataDir, 'jobs', `${id}.log`), 'utf8')
      .trimEnd()
      .split('\n');
  const asText = (event: SseMessage) => {
    const line = data(event);
    return `${line.time} ${line.level.toUpperCase()} ${line.message}`;
  };

  it('delivers status, progress, log and done, in order, for a job that runs', async () => {
    // Long enough that the stream opens while it runs, also on a machine busy with other test workers.
    const job = await enqueueStandIn(jobs, { type: 'check', repositoryId: 1, parameters: { duration_ms: 2000, tick_ms: 20 } });
    const received = await readEvents(streamOf(job.id), headers);

    expect(received[0].event).toBe('status');
    expect(received.at(-1)?.event).toBe('done');
    const done = data(received.at(-1) as SseMessage);
    expect(done).toMatchObject({ id: job.id, status: 'completed', result: { ticks: expect.any(Number) } });
    const statuses = received.filter((event) => event.event === 'status').map((event) => data(event).status);
    expect(statuses.at(-1)).toBe('completed');
    expect(statuses).toContain('running');

    const progress = received.filter((event) => event.event === 'progress').map(data);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    // A report every 20 ms, but at most one every 250 ms reaches clients (plus the one sent on connect and the last).
    const ranFor = Date.parse(done.finished_at) - Date.parse(done.started_at);
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(ranFor / 250) + 2);
    expect(done.progress).toEqual(progress.at(-1));
    expect(progress.at(-1)).toMatchObject({
      files: expect.any(Number),
      current_path: expect.stringMatching(/^\/data\/file-/),
      rate_bytes_per_second: expect.any(Number),
      elapsed_seconds: expect.any(Number),
    });

    const logs = received.filter((event) => event.event === 'log');
    expect(logs.map(asText)).toEqual(fileLines(job.id));
    for (const [index, event] of logs.entries()) {
      const expectedOffset = index === 0 ? 0 : Number(logs[index - 1].id);
      expect(data(event).offset).toBe(expectedOffset);
      expect(Number(event.id)).toBeGreaterThan(expectedOffset);
    }
    expect(received.findIndex((event) => event.event === 'log')).toBeGreaterThan(0);
  });

  it('resumes the log from Last-Event-ID without repeating lines', async () => {
    const job = await enqueueStandIn(jobs, { type: 'check', repositoryId: 2, parameters: { duration_ms: 800, tick_ms: 40 } });
    let logsSeen = 0;
    const first = await readEvents(streamOf(job.id), headers, (event) => event.event === 'log' && ++logsSeen === 3);
    const lastId = first.filter((event) => event.event === 'log').at(-1)?.id as string;

    const second = await readEvents(streamOf(job.id), { ...headers, 'Last-Event-ID': lastId });
    expect(second.at(-1)?.event).toBe('done');
    const secondLogs = second.filter((event) => event.event === 'log');
    expect(data(secondLogs[0]).offset).toBe(Number(lastId));
    const combined = [...first, ...secondLogs].filter((event) => event.event === 'log').map(asText);
    expect(combined).toEqual(fileLines(job.id));
  });

  it("sends a finished job's final state and closes", async () => {
    const job = await enqueueStandIn(jobs, { type: 'compact', repositoryId: 3, parameters: { lines: 5 } });
    await waitForFinish(agent, job.id);
    const received = await readEvents(streamOf(job.id), headers);
    expect(received.map((event) => event.event)).toEqual(['status', ...Array(7).fill('log'), 'done']);
    expect(data(received[0])).toMatchObject({ id: job.id, status: 'completed' });
    expect(data(received.at(-1) as SseMessage)).toEqual(data(received[0]));

    const resumed = await readEvents(streamOf(job.id), { ...headers, 'Last-Event-ID': received[5].id as string });
    expect(resumed.map((event) => event.event)).toEqual(['status', 'log', 'log', 'done']);
  });

  it('streams status changes of every job on /api/jobs/stream', async () => {
    const before = events.listenerCount();
    const finished = new Set<number>();
    const collecting = readEvents(`${baseUrl}/api/jobs/stream`, headers, (event) => {
      const job = data(event);
      if (job.status === 'completed') finished.add(job.id);
      return finished.size === 2;
    });
    await waitUntil(() => events.listenerCount() > before);
    const ids = [
      (await enqueueStandIn(jobs, { type: 'compact', repositoryId: 4, parameters: {} })).id,
      (await enqueueStandIn(jobs, { type: 'compact', repositoryId: 5, parameters: {} })).id,
    ];
    const received = await collecting;
    expect(received.every((event) => event.event === 'status')).toBe(true);
    for (const id of ids) {
      const statuses = received.filter((event) => data(event).id === id).map((event) => data(event).status);
      expect(statuses[0]).toBe('queued');
      expect(statuses).toContain('running');
      expect(statuses.at(-1)).toBe('completed');
    }
  });

  it('answers with SSE headers and keeps an idle stream alive', async () => {
    const settings = testApp.app.get(JobSettings);
    const keepAlive = settings.sseKeepAliveMs;
    settings.sseKeepAliveMs = 50;
    const stream = await openEvents(`${baseUrl}/api/jobs/stream`, headers);
    settings.sseKeepAliveMs = keepAlive;
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(stream.headers['cache-control']).toBe('no-cache, no-transform');
      expect(await stream.nextChunk()).toMatch(/^: keep-alive\n\n/);
    } finally {
      stream.close();
    }
  });

  it('releases its listeners when the client goes away', async () => {
    await waitUntil(() => events.listenerCount() === 0);
    const job = await enqueueStandIn(jobs, { type: 'check', repositoryId: 6, parameters: { until_cancelled: true } });
    const one = await openEvents(streamOf(job.id), headers);
    const all = await openEvents(`${baseUrl}/api/jobs/stream`, headers);
    await waitUntil(() => events.listenerCount() === 2);
    one.close();
    all.close();
    await waitUntil(() => events.listenerCount() === 0);
    await agent.post(`/api/jobs/${job.id}/cancel`).expect(200);
  });

  it('answers 404 in the envelope, without starting a stream, for a job that does not exist', async () => {
    const missing = await agent.get('/api/jobs/777777/stream').expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
    expect(missing.body.error).toEqual({ code: 'NOT_FOUND', message: 'Job 777777 does not exist' });
    expect(events.listenerCount()).toBe(0);
  });
});
