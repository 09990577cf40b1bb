import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { getJob, waitForFinish } from './support/job-client';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

/** Small bounds for the test; the defaults are 120 s without progress and 30 s for rclone's timeouts. */
const STALL_SECONDS = 3;
const RCLONE_TIMEOUT_SECONDS = 2;
/** Room for a loaded machine: starting rclone, stopping it, and the queue moving on. */
const SLACK_MS = 15_000;

/** A TCP server on 127.0.0.1 that accepts every connection and never sends a byte: an endpoint that hangs. */
async function startSilentServer(): Promise<{ port: number; connections: () => number; stop: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    connections: () => accepted,
    stop: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Issue 13, item 11: a sync to an S3 endpoint that never answered blocked every other job of its repository for
 * almost 4 minutes.
 */
describe('a cloud sync to an endpoint that never answers', () => {
  let testApp: TestApp;
  let agent: Agent;
  let silent: Awaited<ReturnType<typeof startSilentServer>>;
  let repositoryId: number;
  let configId: number;
  let source: string;

  beforeAll(async () => {
    silent = await startSilentServer();
    testApp = await startTestApp({
      env: { BORGITORY_STALL_TIMEOUT_SECONDS: String(STALL_SECONDS), BORGITORY_RCLONE_TIMEOUT_SECONDS: String(RCLONE_TIMEOUT_SECONDS) },
    });
    agent = await setupAdmin(testApp);
    source = join(testApp.work, 'documents');
    mkdirSync(source);
    writeFileSync(join(source, 'report.txt'), 'quarterly figures\n');
    const repository = await agent
      .post('/api/repositories')
      .send({ name: 'Documents', path: join(testApp.work, 'repo'), encryption: 'none' })
      .expect(201);
    repositoryId = repository.body.data.id;
    const config = await agent
      .post('/api/cloud-sync/configs')
      .send({
        name: 'Hanging S3',
        provider: 's3',
        provider_config: {
          service: 'Other',
          endpoint: `http://127.0.0.1:${silent.port}`,
          bucket_name: 'offsite',
          access_key_id: 'BORGITORYTEST',
          secret_access_key: 'a secret the silent server never sees',
          path_style: true,
        },
      })
      .expect(201);
    configId = config.body.data.id;
  });
  afterAll(async () => {
    await testApp?.close();
    await silent?.stop();
  });

  it('fails the sync after the configured time without progress, and the backup queued behind it then runs', async () => {
    const sync = (
      await agent.post('/api/cloud-sync/sync').send({ repository_id: repositoryId, cloud_sync_config_id: configId }).expect(201)
    ).body.data;
    const backup = (await agent.post('/api/backups/manual').send({ repository_id: repositoryId, source_path: source }).expect(201)).body
      .data;
    expect(backup.status).toBe('queued');

    const failed = await waitForFinish(agent, sync.id, STALL_SECONDS * 1000 + SLACK_MS);
    expect(silent.connections()).toBeGreaterThan(0);
    expect(failed.status).toBe('failed');
    expect(failed.error).toEqual({
      code: 'CLOUD_SYNC_STALLED',
      message: `No progress for ${STALL_SECONDS} s: the remote did not answer, so the sync was stopped (BORGITORY_STALL_TIMEOUT_SECONDS)`,
    });
    const ran = Date.parse(failed.finished_at ?? '') - Date.parse(failed.started_at ?? '');
    expect(ran).toBeGreaterThanOrEqual(STALL_SECONDS * 1000);
    expect(ran).toBeLessThan(STALL_SECONDS * 1000 + SLACK_MS);
    const log = (await agent.get(`/api/jobs/${sync.id}/logs?format=text`).expect(200)).text;
    expect(log).toContain(`No progress for ${STALL_SECONDS} s`);
    expect((await agent.get(`/api/cloud-sync/configs/${configId}`).expect(200)).body.data.last_sync).toMatchObject({
      job_id: sync.id,
      status: 'failed',
    });

    const done = await waitForFinish(agent, backup.id, 60_000);
    expect(done.status).toBe('completed');
    expect((await getJob(agent, sync.id)).status).toBe('failed');
  });

  it('stops a verify against it after the same time without progress', async () => {
    const started = Date.now();
    const verify = await agent.post(`/api/cloud-sync/configs/${configId}/verify`).send({ repository_id: repositoryId }).expect(422);
    expect(verify.body.error).toMatchObject({
      code: 'CLOUD_SYNC_STALLED',
      message: `No progress for ${STALL_SECONDS} s: the remote did not answer, so the verification was stopped (BORGITORY_STALL_TIMEOUT_SECONDS)`,
    });
    expect(Date.now() - started).toBeLessThan(STALL_SECONDS * 1000 + SLACK_MS);
  });

  it('answers the connection test in bounded time with a readable error', async () => {
    const started = Date.now();
    const tested = (await agent.post(`/api/cloud-sync/configs/${configId}/test`).expect(200)).body.data;
    const took = Date.now() - started;
    expect(tested).toMatchObject({ ok: false, steps: [{ step: 'write', ok: false }], error: { code: 'RCLONE_ERROR' } });
    expect(tested.error.message).toMatch(/^The server did not answer/);
    // rclone's timeout ends each attempt; its S3 backend makes about four for one small object.
    expect(took).toBeLessThan(4 * RCLONE_TIMEOUT_SECONDS * 1000 + SLACK_MS);
  });
});
