import { ChildProcess } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHttpReceiver, type TestHttpReceiver } from '@borgitory/apprise-runner/testing';
import { freePort, writeTree } from '@borgitory/borg-runner/testing';
import request from 'supertest';
import { borgCli } from './support/borg-cli';
import { waitForFinish } from './support/job-client';
import { waitUntil } from './support/job-executors';
import { exited, startServerProcess } from './support/server-process';
import { ADMIN } from './support/test-app';

jest.setTimeout(180_000);

const HOUR_MS = 60 * 60 * 1000;

interface LoggedEvent {
  event: string;
  event_id: string;
  msg: string;
}

/** The events a server published, read from its log lines (EventStream logs each one with `event` and `event_id`). */
class EventLog {
  readonly events: LoggedEvent[] = [];
  private partial = '';

  readonly onOutput = (text: string): void => {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      const parsed = JSON.parse(line) as Partial<LoggedEvent>;
      if (parsed.event && parsed.event_id) this.events.push(parsed as LoggedEvent);
    }
  };

  named(event: string, repositoryName?: string): LoggedEvent[] {
    return this.events.filter((each) => each.event === event && (!repositoryName || each.msg.includes(`"${repositoryName}"`)));
  }
}

/** borg's --timestamp is UTC, to the second. */
function borgTimestamp(time: Date): string {
  return time.toISOString().slice(0, 19);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('repository monitoring', () => {
  let work: string;
  let dataDir: string;
  let cliBase: string;
  let source: string;
  let port: number;
  let server: ChildProcess | null = null;
  /** One agent across restarts: its session outlives them. */
  let agent: request.Agent;

  beforeEach(async () => {
    work = mkdtempSync(join(tmpdir(), 'borgitory-monitor-'));
    dataDir = join(work, 'data');
    cliBase = join(work, 'cli');
    source = writeTree(join(work, 'source'), { 'a.txt': 'a' });
    port = await freePort();
    agent = request.agent(`http://127.0.0.1:${port}`);
  });

  afterEach(async () => {
    await stop();
    rmSync(work, { recursive: true, force: true });
  });

  async function start(log: EventLog, env: Record<string, string> = {}): Promise<void> {
    server = await startServerProcess(dataDir, port, { logLevel: 'info', onOutput: log.onOutput, env });
  }

  async function stop(): Promise<void> {
    if (!server) return;
    server.kill('SIGTERM');
    await exited(server);
    server = null;
  }

  /** A repository made with the borg CLI, as another machine would, with one archive started at `archiveAt`. */
  function repositoryWithArchive(name: string, archiveAt: Date): string {
    const path = join(work, name);
    borgCli(['init', '--encryption', 'none', path], { baseDir: cliBase });
    borgCli(['create', '--timestamp', borgTimestamp(archiveAt), `${path}::old`, source], { baseDir: cliBase });
    return path;
  }

  /** A webhook channel for these events, to a receiver the caller stops. */
  async function subscribe(events: string[]): Promise<TestHttpReceiver> {
    const receiver = await startHttpReceiver();
    await agent
      .post('/api/notifications/channels')
      .send({
        name: events.join(' '),
        type: 'webhook',
        events,
        repository_ids: null,
        config: { url: `http://127.0.0.1:${receiver.port}/`, secret: 'x'.repeat(32) },
      })
      .expect(201);
    return receiver;
  }

  async function importRepository(name: string, path: string, maxAgeHours: number): Promise<number> {
    const created = await agent.post('/api/repositories').send({ name, path, initialize: false, max_age_hours: maxAgeHours }).expect(201);
    expect(created.body.data.max_age_hours).toBe(maxAgeHours);
    return created.body.data.id;
  }

  it('fires repository.overdue once for an archive older than max_age_hours, and repository.recovered once after a backup', async () => {
    const archiveAt = new Date(Math.floor((Date.now() - 3 * HOUR_MS) / 1000) * 1000);
    const path = repositoryWithArchive('stale', archiveAt);
    const log = new EventLog();
    await start(log, { BORGITORY_MONITOR_INTERVAL_SECONDS: '1' });
    await agent.post('/api/auth/setup').send(ADMIN).expect(201);

    const receiver = await subscribe(['repository.overdue', 'repository.recovered']);
    const id = await importRepository('Stale', path, 2);
    await waitUntil(() => log.named('repository.overdue').length > 0, 10_000);
    expect(log.named('repository.overdue')[0].msg).toBe(
      'Repository "Stale" is overdue: its newest archive is 3 hours old, and at most 2 hours is expected',
    );
    const overdue = (await agent.get(`/api/repositories/${id}`).expect(200)).body.data;
    expect(overdue).toMatchObject({
      max_age_hours: 2,
      newest_archive_at: archiveAt.toISOString(),
      overdue: true,
      overdue_since: new Date(archiveAt.getTime() + 2 * HOUR_MS).toISOString(),
      archive_expected_by: new Date(archiveAt.getTime() + 2 * HOUR_MS).toISOString(),
      expectation: 'An archive at least every 2 hours',
      unreachable_since: null,
      low_space_since: null,
    });
    const listed = (await agent.get('/api/repositories').expect(200)).body.data;
    expect(listed[0]).toMatchObject({ id, overdue: true, newest_archive_at: archiveAt.toISOString() });

    // Checked every second from here on: still the one event.
    await sleep(2500);
    expect(log.named('repository.overdue')).toHaveLength(1);

    const backup = await agent.post('/api/backups/manual').send({ repository_id: id, source_path: source }).expect(201);
    expect((await waitForFinish(agent, backup.body.data.id, 30_000)).status).toBe('completed');
    // The archive is checked when it is recorded, before the job is complete.
    expect(log.named('repository.recovered')).toHaveLength(1);
    expect(log.named('repository.recovered')[0].msg).toMatch(/^Repository "Stale" is up to date again: its newest archive was made at /);
    const recovered = (await agent.get(`/api/repositories/${id}`).expect(200)).body.data;
    expect(recovered).toMatchObject({ overdue: false, overdue_since: null, max_age_hours: 2 });
    expect(new Date(recovered.newest_archive_at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(new Date(recovered.archive_expected_by).getTime()).toBe(new Date(recovered.newest_archive_at).getTime() + 2 * HOUR_MS);

    await sleep(1500);
    expect(log.named('repository.overdue')).toHaveLength(1);
    expect(log.named('repository.recovered')).toHaveLength(1);

    // A channel subscribed to both got each exactly once.
    await receiver.request(1);
    await sleep(500);
    expect(receiver.received.map((delivery) => JSON.parse(delivery.body))).toMatchObject([
      { event: 'repository.overdue', data: { repository: { id, name: 'Stale' }, figures: { max_age_hours: 2 } } },
      { event: 'repository.recovered', data: { repository: { id, name: 'Stale' } } },
    ]);
    await receiver.stop();

    // Clearing the expectation clears nothing else; max_age_hours is validated.
    await agent.put(`/api/repositories/${id}`).send({ max_age_hours: 0 }).expect(422);
    const cleared = await agent.put(`/api/repositories/${id}`).send({ max_age_hours: null }).expect(200);
    expect(cleared.body.data).toMatchObject({ max_age_hours: null, overdue: false, archive_expected_by: null, expectation: null });
  });

  it('after a restart fires only for what became overdue or unreachable while the server was down', async () => {
    const log = new EventLog();
    const quiet = { BORGITORY_MONITOR_INTERVAL_SECONDS: '3600' };
    await start(log, quiet);
    await agent.post('/api/auth/setup').send(ADMIN).expect(201);
    const movingPath = repositoryWithArchive('moving', new Date());
    // Overdue 30 s from now: during the first downtime, however long the imports take on a busy machine.
    const archiveAt = new Date(Math.floor((Date.now() - HOUR_MS + 30_000) / 1000) * 1000);
    const closePath = repositoryWithArchive('close', archiveAt);
    const closeId = await importRepository('Close', closePath, 1);
    const movingId = await importRepository('Moving', movingPath, 24);
    await waitUntil(async () => (await agent.get(`/api/repositories/${closeId}`)).body.data.newest_archive_at !== null, 20_000);
    expect((await agent.get(`/api/repositories/${closeId}`).expect(200)).body.data.overdue).toBe(false);

    await stop();
    renameSync(movingPath, `${movingPath}-away`);
    await waitUntil(() => Date.now() > archiveAt.getTime() + HOUR_MS + 500, 35_000);

    await start(log, quiet);
    await waitUntil(
      () => log.named('repository.overdue', 'Close').length === 1 && log.named('repository.unreachable').length === 1,
      15_000,
    );
    expect(log.named('repository.unreachable')[0].msg).toBe(
      `Repository "Moving" could not be reached to read its archives: There is no borg repository at ${movingPath}`,
    );
    const moving = (await agent.get(`/api/repositories/${movingId}`).expect(200)).body.data;
    expect(moving.unreachable_since).not.toBeNull();
    expect(moving.overdue).toBe(false);
    expect((await agent.get(`/api/repositories/${closeId}`).expect(200)).body.data).toMatchObject({
      overdue: true,
      overdue_since: new Date(archiveAt.getTime() + HOUR_MS).toISOString(),
    });

    // Still overdue and still unreachable: a restart fires nothing.
    await stop();
    await start(log, quiet);
    // Listing waits for the start-up reading of the archive list that is under way; its check follows at once.
    await agent.get(`/api/repositories/${closeId}/archives`).expect(200);
    await sleep(1500);
    expect(log.named('repository.overdue')).toHaveLength(1);
    expect(log.named('repository.unreachable')).toHaveLength(1);

    // Back in place: the episode ends without an event.
    await stop();
    renameSync(`${movingPath}-away`, movingPath);
    await start(log, quiet);
    await waitUntil(async () => (await agent.get(`/api/repositories/${movingId}`)).body.data.unreachable_since === null, 10_000);
    expect(log.named('repository.unreachable')).toHaveLength(1);
    expect(log.named('repository.recovered')).toHaveLength(0);
  });
});
