import { createHmac } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHttpReceiver, startSmtpReceiver, type TestHttpReceiver, type TestSmtpReceiver } from '@borgitory/apprise-runner/testing';
import type { Agent } from 'supertest';
import { waitForFinish } from './support/job-client';
import { ADMIN, setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

const WEBHOOK_SECRET = 'webhook-signing-secret-canary-4e1f';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await sleep(20);
  }
}

const urlOf = (receiver: TestHttpReceiver, path: string) => `http://127.0.0.1:${receiver.port}${path}`;

async function waitUntilAsync(done: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await sleep(50);
  }
}

function verifySignature(body: string, header: string | string[] | undefined, secret = WEBHOOK_SECRET): boolean {
  return header === `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

describe('notifications', () => {
  let testApp: TestApp;
  let agent: Agent;
  let webhook: TestHttpReceiver;
  let json: TestHttpReceiver;
  let other: TestHttpReceiver;
  let smtp: TestSmtpReceiver;
  const answers: string[] = [];

  beforeAll(async () => {
    [testApp, webhook, json, other, smtp] = await Promise.all([
      startTestApp({ env: { BORGITORY_NOTIFICATION_RETRY_SECONDS: '1', BORGITORY_PUBLIC_URL: 'https://backup.example.org' } }),
      startHttpReceiver(),
      startHttpReceiver(),
      startHttpReceiver(),
      startSmtpReceiver(),
    ]);
    agent = await setupAdmin(testApp);
  });
  afterAll(async () => {
    await Promise.all([webhook?.stop(), json?.stop(), other?.stop(), smtp?.stop()]);
    await testApp?.close();
  });

  const send = async (method: 'post' | 'put' | 'get', path: string, body?: object) => {
    const response = await agent[method](path).send(body);
    answers.push(response.text);
    return response;
  };
  const createChannel = async (body: Record<string, unknown>) => {
    const response = await send('post', '/api/notifications/channels', { repository_ids: null, ...body });
    expect(response.status).toBe(201);
    return response.body.data as { id: number; name: string; target: string; secrets_set: string[] };
  };
  const deliveries = async (query: string) => {
    const response = await send('get', `/api/notifications/deliveries?${query}`);
    expect(response.status).toBe(200);
    return response.body.data as Array<{
      id: number;
      event: string;
      status: string;
      attempts: Array<{ ok: boolean; http_status: number | null; reason: string | null }>;
    }>;
  };

  let repositoryCount = 0;
  const newRepository = async () => {
    const path = join(testApp.work, `repo-${++repositoryCount}`);
    const response = await send('post', '/api/repositories', { name: `Documents ${repositoryCount}`, path, encryption: 'none' });
    expect(response.status).toBe(201);
    return { id: response.body.data.id as number, path, name: response.body.data.name as string };
  };
  const source = () => {
    const dir = join(testApp.work, `source-${repositoryCount}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.txt'), 'hello');
    return dir;
  };

  it('checks channels: 422 for a bad URL, an unknown event or placeholder, 409 for a taken name', async () => {
    const base = {
      name: 'Checks',
      type: 'webhook',
      events: ['backup.failed'],
      config: { url: urlOf(webhook, '/hook'), secret: WEBHOOK_SECRET },
    };
    await createChannel(base);
    expect((await send('post', '/api/notifications/channels', base)).status).toBe(409);
    const bad = [
      { ...base, name: 'x1', config: { url: 'ftp://example.org', secret: WEBHOOK_SECRET } },
      { ...base, name: 'x2', config: { url: urlOf(webhook, '/hook'), secret: 'short' } },
      { ...base, name: 'x3', events: ['backup.exploded'] },
      { ...base, name: 'x4', template: { title: '{title} {nope}' } },
      { ...base, name: 'x5', type: 'apprise', config: { url: '--config=/etc/passwd' } },
      { ...base, name: 'x6', type: 'apprise', config: { url: 'json://127.0.0.1/a\nmailto://evil@example.org' } },
      { ...base, name: 'x7', repository_ids: [999] },
    ];
    for (const body of bad) {
      const response = await send('post', '/api/notifications/channels', body);
      expect({ name: body.name, status: response.status, code: response.body.error?.code }).toEqual({
        name: body.name,
        status: 422,
        code: 'VALIDATION_ERROR',
      });
    }
  });

  it('tests a webhook: one signed POST, the outcome in the answer and in the log; secrets stay write-only', async () => {
    const channel = await createChannel({
      name: 'Webhook test',
      type: 'webhook',
      events: ['backup.failed'],
      config: { url: urlOf(webhook, '/test'), secret: WEBHOOK_SECRET },
    });
    expect(channel.secrets_set).toEqual(['secret']);
    const before = webhook.received.length;
    const tested = await send('post', `/api/notifications/channels/${channel.id}/test`);
    expect(tested.status).toBe(200);
    expect(tested.body.data).toMatchObject({
      delivered: true,
      http_status: 200,
      reason: null,
      delivery: { event: 'test', status: 'delivered' },
    });
    const [request] = webhook.received.slice(before);
    expect(request.path).toBe('/test');
    expect(verifySignature(request.body, request.headers['x-borgitory-signature'])).toBe(true);
    expect(request.headers['x-borgitory-event']).toBe('test');
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({
      id: request.headers['x-borgitory-delivery'],
      event: 'test',
      data: { summary: expect.stringContaining('Webhook test') },
    });
    expect(body.id).toBe(tested.body.data.delivery.uuid);

    // An edit without the secret keeps it.
    const edited = await send('put', `/api/notifications/channels/${channel.id}`, {
      name: 'Webhook test',
      type: 'webhook',
      events: ['backup.failed', 'backup.completed'],
      repository_ids: null,
      config: { url: urlOf(webhook, '/edited') },
    });
    expect(edited.status).toBe(200);
    await send('post', `/api/notifications/channels/${channel.id}/test`);
    const last = webhook.received[webhook.received.length - 1];
    expect(last.path).toBe('/edited');
    expect(verifySignature(last.body, last.headers['x-borgitory-signature'])).toBe(true);
  });

  it('a receiver that answers 500, 500, 200 gets the event once, after three attempts in the log', async () => {
    const statuses: number[] = [];
    const flaky = await startHttpReceiver((_, index) => {
      statuses.push(index < 2 ? 500 : 200);
      return statuses[index];
    });
    try {
      const channel = await createChannel({
        name: 'Flaky',
        type: 'webhook',
        events: ['backup.completed'],
        config: { url: urlOf(flaky, '/hook'), secret: WEBHOOK_SECRET },
      });
      const repository = await newRepository();
      const started = await send('post', '/api/backups/manual', { repository_id: repository.id, source_path: source() });
      expect(started.status).toBe(201);
      await waitForFinish(agent, started.body.data.id);
      // Waits of 1 s and 4 s between the attempts.
      await flaky.request(2);
      expect(statuses).toEqual([500, 500, 200]);
      expect(new Set(flaky.received.map((request) => request.headers['x-borgitory-delivery'])).size).toBe(1);
      await waitUntilAsync(async () => (await deliveries(`channel_id=${channel.id}`))[0]?.status === 'delivered', 5000);
      const log = await deliveries(`channel_id=${channel.id}`);
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ event: 'backup.completed', status: 'delivered' });
      expect(log[0].attempts.map((attempt) => [attempt.ok, attempt.http_status])).toEqual([
        [false, 500],
        [false, 500],
        [true, 200],
      ]);
      await sleep(1500);
      expect(flaky.received).toHaveLength(3);
    } finally {
      await flaky.stop();
    }
  });

  it('a backup that fails sends exactly one backup.failed to each subscribed channel within 5 s, none elsewhere', async () => {
    const repository = await newRepository();
    const elsewhere = await newRepository();
    const hook = await createChannel({
      name: 'Failures (webhook)',
      type: 'webhook',
      events: ['backup.failed'],
      config: { url: urlOf(webhook, '/failures'), secret: WEBHOOK_SECRET },
    });
    await createChannel({
      name: 'Failures (Apprise JSON)',
      type: 'apprise',
      events: ['backup.failed'],
      config: { url: `json://127.0.0.1:${json.port}/alerts` },
    });
    await createChannel({
      name: 'Completions only',
      type: 'webhook',
      events: ['backup.completed'],
      config: { url: urlOf(other, '/completed'), secret: WEBHOOK_SECRET },
    });
    await createChannel({
      name: 'Another repository',
      type: 'webhook',
      events: ['backup.failed'],
      repository_ids: [elsewhere.id],
      config: { url: urlOf(other, '/elsewhere'), secret: WEBHOOK_SECRET },
    });
    const hookBefore = webhook.received.filter((request) => request.path === '/failures').length;
    const jsonBefore = json.received.length;
    const otherBefore = other.received.length;

    rmSync(repository.path, { recursive: true, force: true });
    const started = await send('post', '/api/backups/manual', { repository_id: repository.id, source_path: source() });
    expect(started.status).toBe(201);
    const job = await waitForFinish(agent, started.body.data.id);
    expect(job.status).toBe('failed');
    const finishedAt = Date.now();

    const failuresAt = () => webhook.received.filter((request) => request.path === '/failures').slice(hookBefore);
    await waitUntil(() => failuresAt().length > 0 && json.received.length > jsonBefore, 5000);
    expect(Date.now() - finishedAt).toBeLessThan(5000);
    await sleep(1000);
    const failures = failuresAt();
    expect(failures).toHaveLength(1);
    const event = JSON.parse(failures[0].body);
    expect(verifySignature(failures[0].body, failures[0].headers['x-borgitory-signature'])).toBe(true);
    expect(event).toMatchObject({
      event: 'backup.failed',
      data: {
        repository: { id: repository.id, name: repository.name },
        job: { id: job.id, type: 'backup', status: 'failed', url: `https://backup.example.org/jobs/${job.id}` },
        error: { code: expect.any(String), message: expect.any(String) },
      },
    });
    expect(json.received.slice(jsonBefore)).toHaveLength(1);
    const message = JSON.parse(json.received[jsonBefore].body);
    expect(message).toMatchObject({ title: `Backup failed: ${repository.name}`, type: 'failure' });
    expect(message.message).toContain(`https://backup.example.org/jobs/${job.id}`);
    expect(other.received.slice(otherBefore)).toEqual([]);
    expect((await deliveries(`channel_id=${hook.id}&event=backup.failed`)).map((delivery) => delivery.status)).toEqual(['delivered']);
  });

  it('the same failure again within the throttle window is logged as suppressed, not sent', async () => {
    const repository = await newRepository();
    const channel = await createChannel({
      name: 'Throttled',
      type: 'webhook',
      events: ['backup.failed'],
      repository_ids: [repository.id],
      throttle_minutes: 60,
      config: { url: urlOf(webhook, '/throttled'), secret: WEBHOOK_SECRET },
    });
    rmSync(repository.path, { recursive: true, force: true });
    for (let i = 0; i < 2; i++) {
      const started = await send('post', '/api/backups/manual', { repository_id: repository.id, source_path: source() });
      await waitForFinish(agent, started.body.data.id);
    }
    await sleep(500);
    const log = await deliveries(`channel_id=${channel.id}`);
    expect(log.map((delivery) => delivery.status)).toEqual(['suppressed', 'delivered']);
    expect(webhook.received.filter((request) => request.path === '/throttled')).toHaveLength(1);

    const resent = await send('post', `/api/notifications/deliveries/${log[0].id}/resend`);
    expect(resent.status).toBe(202);
    await sleep(500);
    expect(webhook.received.filter((request) => request.path === '/throttled')).toHaveLength(2);
    expect((await send('post', `/api/notifications/deliveries/${log[0].id}/resend`)).status).toBe(409);
  });

  it('sends e-mail through Apprise mailto:// to an SMTP server', async () => {
    const channel = await createChannel({
      name: 'Mail',
      type: 'apprise',
      events: ['backup.failed'],
      config: { url: smtp.appriseUrl('admin@example.org') },
    });
    const tested = await send('post', `/api/notifications/channels/${channel.id}/test`);
    expect(tested.body.data).toMatchObject({ delivered: true });
    const mail = await smtp.mail(0);
    expect(mail.to).toEqual(['admin@example.org']);
    expect(mail.raw).toContain('Test notification');
  });
});

describe('notification deliveries across a restart', () => {
  it('a delivery waiting for its next attempt when the server stops is sent once it starts again', async () => {
    const receiver = await startHttpReceiver((_, index) => (index === 0 ? 500 : 200));
    const env = { BORGITORY_NOTIFICATION_RETRY_SECONDS: '2' };
    const first = await startTestApp({ env });
    let second: TestApp | undefined;
    try {
      const agent = await setupAdmin(first);
      const channel = await agent
        .post('/api/notifications/channels')
        .send({
          name: 'Later',
          type: 'webhook',
          events: ['backup.completed'],
          repository_ids: null,
          config: { url: urlOf(receiver, '/later'), secret: 'x'.repeat(32) },
        })
        .expect(201);
      const path = join(first.work, 'repo');
      const repository = await agent.post('/api/repositories').send({ name: 'Restarted', path, encryption: 'none' }).expect(201);
      const source = join(first.work, 'source');
      mkdirSync(source);
      writeFileSync(join(source, 'a.txt'), 'hello');
      const started = await agent
        .post('/api/backups/manual')
        .send({ repository_id: repository.body.data.id, source_path: source })
        .expect(201);
      await waitForFinish(agent, started.body.data.id);
      await receiver.request(0);
      await waitUntilAsync(async () => {
        const log = await agent.get(`/api/notifications/deliveries?channel_id=${channel.body.data.id}`).expect(200);
        return log.body.data[0]?.attempts.length === 1;
      }, 5000);
      await first.close({ keepData: true });

      second = await startTestApp({ dataDir: first.dataDir, env });
      const again = second.http();
      await again.post('/api/auth/login').send(ADMIN).expect(200);
      await receiver.request(1);
      await waitUntilAsync(async () => {
        const log = await again.get(`/api/notifications/deliveries?channel_id=${channel.body.data.id}`).expect(200);
        return log.body.data[0]?.status === 'delivered';
      }, 5000);
      const log = await again.get(`/api/notifications/deliveries?channel_id=${channel.body.data.id}`).expect(200);
      expect(log.body.data).toHaveLength(1);
      expect(log.body.data[0].attempts.map((attempt: { http_status: number }) => attempt.http_status)).toEqual([500, 200]);
      await sleep(500);
      expect(receiver.received).toHaveLength(2);
    } finally {
      await (second ?? first).close();
      await receiver.stop();
    }
  });
});
