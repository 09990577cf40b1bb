import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { DataSource } from 'typeorm';
import { borgCli } from './support/borg-cli';
import { readEvents, waitForFinish } from './support/job-client';
import { writeManyFiles } from './support/source-tree';
import { ADMIN, setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(240_000);

const PASSPHRASE = 'storage over time';
const DAY_MS = 24 * 60 * 60 * 1000;
const ARCHIVES = 21;

interface HistoryBody {
  archive_count: number;
  backfill: { done: number; total: number };
  points: {
    time: string;
    name: string;
    original_size: number | null;
    compressed_size: number | null;
    deduplicated_size: number | null;
    file_count: number | null;
  }[];
  truncated: boolean;
}

interface BorgInfoArchive {
  name: string;
  stats: { original_size: number; compressed_size: number; deduplicated_size: number; nfiles: number };
}

/** borg's --timestamp is UTC, to the second. */
const borgTimestamp = (time: Date) => time.toISOString().slice(0, 19);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('storage over time, on real borg', () => {
  let testApp: TestApp;
  let agent: Agent;
  let cliBase: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    agent = await setupAdmin(testApp);
    cliBase = join(testApp.work, 'cli');
  });
  afterAll(() => testApp.close());

  const cli = (args: string[]) => borgCli(args, { baseDir: cliBase, passphrase: PASSPHRASE });

  async function history(id: number, query = ''): Promise<HistoryBody> {
    return (await agent.get(`/api/repositories/${id}/history${query}`).expect(200)).body.data;
  }

  it('backfills an imported repository one archive at a time, then charts 20+ archives with the sizes borg info gives', async () => {
    const repo = join(testApp.work, 'imported');
    const source = join(testApp.work, 'growing');
    mkdirSync(source);
    cli(['init', '--encryption', 'repokey-blake2', repo]);
    // Three archives a week over seven weeks, the source growing by a new file each time.
    const first = Date.now() - 50 * DAY_MS;
    const made: string[] = [];
    for (let i = 0; i < ARCHIVES; i++) {
      writeFileSync(join(source, `day-${i}.txt`), `${'backup history '.repeat(200 * (i + 1))}${i}\n`);
      const name = `docs-${String(i).padStart(2, '0')}`;
      cli(['create', '--timestamp', borgTimestamp(new Date(first + (i * (DAY_MS * 7)) / 3)), `${repo}::${name}`, source]);
      made.push(name);
    }

    const imported = await agent
      .post('/api/repositories')
      .send({ name: 'Imported history', path: repo, passphrase: PASSPHRASE, initialize: false })
      .expect(201);
    const id: number = imported.body.data.id;
    // Listing reads the archive list; the figures follow in the background.
    expect((await agent.get(`/api/repositories/${id}/archives`).expect(200)).body.meta.total).toBe(ARCHIVES);

    const seen: { done: number; total: number }[] = [];
    for (const deadline = Date.now() + 180_000; ;) {
      const { backfill } = await history(id);
      seen.push(backfill);
      if (backfill.done === backfill.total) break;
      if (Date.now() > deadline) throw new Error(`backfill stuck at ${backfill.done} of ${backfill.total}`);
      await sleep(100);
    }
    expect(seen[0].total).toBe(ARCHIVES);
    expect(seen[0].done).toBeLessThan(ARCHIVES);
    // Progress moves one archive at a time and never back.
    for (let i = 1; i < seen.length; i++) expect(seen[i].done).toBeGreaterThanOrEqual(seen[i - 1].done);

    const body = await history(id);
    expect(body.archive_count).toBe(ARCHIVES);
    expect(body.truncated).toBe(false);
    expect(body.points.map((point) => point.name)).toEqual(made);
    const times = body.points.map((point) => Date.parse(point.time));
    expect(times[ARCHIVES - 1] - times[0]).toBeGreaterThan(6 * 7 * DAY_MS);

    const info: BorgInfoArchive[] = JSON.parse(cli(['info', '--json', '--glob-archives', 'docs-*', repo])).archives;
    const byName = new Map(info.map((archive) => [archive.name, archive.stats]));
    for (const point of body.points) {
      const stats = byName.get(point.name);
      expect(point).toMatchObject({
        name: point.name,
        original_size: stats?.original_size,
        compressed_size: stats?.compressed_size,
        deduplicated_size: stats?.deduplicated_size,
        file_count: stats?.nfiles,
      });
    }
    // The source grew every time.
    const originals = body.points.map((point) => point.original_size ?? 0);
    expect([...originals].sort((a, b) => a - b)).toEqual(originals);

    // Bounded: the newest N, oldest first, and since a time.
    const newest = await history(id, '?limit=5');
    expect(newest.points.map((point) => point.name)).toEqual(made.slice(-5));
    expect(newest.truncated).toBe(true);
    const since = await history(id, `?since=${encodeURIComponent(body.points[18].time)}`);
    expect(since.points.map((point) => point.name)).toEqual(made.slice(18));
    const badSince = (await agent.get(`/api/repositories/${id}/history?since=yesterday`).expect(400)).body.error;
    expect(badSince.details).toEqual({ since: ['Give the start as a date and time, such as 2026-11-01T00:00:00Z'] });
    expect((await agent.get('/api/repositories/9999/history').expect(404)).body.error.code).toBe('NOT_FOUND');

    // The calendar: every day with an archive is completed; nothing was expected of it, so none is missing.
    const calendar = (await agent.get(`/api/repositories/${id}/calendar?days=60&time_zone=UTC`).expect(200)).body.data;
    expect(calendar.time_zone).toBe('UTC');
    expect(calendar.days).toHaveLength(60);
    const archiveDays = new Set(body.points.map((point) => point.time.slice(0, 10)));
    const completed = calendar.days.filter((day: { state: string }) => day.state === 'completed').map((day: { date: string }) => day.date);
    expect(completed).toEqual([...archiveDays].sort());
    expect(calendar.totals).toEqual({ completed: archiveDays.size, failed: 0, missing: 0 });
    expect((await agent.get(`/api/repositories/${id}/calendar?time_zone=Mars/Olympus`).expect(400)).body.error.details.time_zone).toEqual([
      'Choose a time zone such as Europe/Berlin',
    ]);
  });

  it('gives a backup of the same sources as the previous archive a percentage and time left, labelled an estimate', async () => {
    const repo = join(testApp.work, 'estimated');
    const created = await agent
      .post('/api/repositories')
      .send({ name: 'Estimated', path: repo, encryption: 'repokey-blake2', passphrase: PASSPHRASE })
      .expect(201);
    const id: number = created.body.data.id;
    const source = writeManyFiles(join(testApp.work, 'many'), 20_000);
    const backup = () => agent.post('/api/backups/manual').send({ repository_id: id, source_path: source }).expect(201);

    const first = await waitForFinish(agent, (await backup()).body.data.id, 180_000);
    expect(first.status).toBe('completed');
    expect(first.progress).not.toHaveProperty('estimated');

    const server = testApp.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const login = await testApp.http().post('/api/auth/login').send(ADMIN).expect(200);
    const cookie = (login.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');

    const second = (await backup()).body.data.id;
    const events = await readEvents(
      `http://127.0.0.1:${port}/api/jobs/${second}/stream`,
      { Cookie: cookie },
      (event) => event.event === 'done',
    );
    const progress = events.filter((event) => event.event === 'progress').map((event) => JSON.parse(event.data));
    const estimated = progress.filter((update) => update.estimated === true);
    expect(estimated.length).toBeGreaterThan(0);
    for (const update of estimated) {
      expect(update.percent).toBeGreaterThanOrEqual(0);
      expect(update.percent).toBeLessThan(100);
      expect(update.eta_seconds === null || update.eta_seconds >= 0).toBe(true);
    }
    const percents = estimated.map((update) => update.percent);
    expect(percents.at(-1)).toBeGreaterThan(percents[0] - 0.001);
    expect(JSON.parse(String(events.at(-1)?.data)).status).toBe('completed');
    // The API keeps the last of it with the job.
    const job = (await agent.get(`/api/jobs/${second}`).expect(200)).body.data;
    expect(job.progress).toMatchObject({ estimated: true });
    expect(job.progress).toHaveProperty('eta_seconds');

    // A failed backup today (its archive name is taken) shows on the calendar beside today's archives.
    const failed = await agent
      .post('/api/backups/manual')
      .send({ repository_id: id, source_path: source, archive_name: String(job.result.archive_name) })
      .expect(201);
    expect((await waitForFinish(agent, failed.body.data.id, 60_000)).status).toBe('failed');
    const today = new Date().toISOString().slice(0, 10);
    const calendar = (await agent.get(`/api/repositories/${id}/calendar?days=7&time_zone=UTC`).expect(200)).body.data;
    expect(calendar.days.at(-1)).toEqual({ date: today, state: 'completed', archives: 2, failed: 1, expected: false });
  });

  it('marks days failed and missing when an enabled schedule expected a backup', async () => {
    const repo = join(testApp.work, 'scheduled');
    const source = join(testApp.work, 'scheduled-source');
    mkdirSync(source);
    writeFileSync(join(source, 'a.txt'), 'a');
    const created = await agent
      .post('/api/repositories')
      .send({ name: 'Scheduled', path: repo, encryption: 'repokey-blake2', passphrase: PASSPHRASE })
      .expect(201);
    const id: number = created.body.data.id;
    const schedule = await agent
      .post('/api/schedules')
      .send({ name: 'Nightly', repository_id: id, source_path: source, cron_expression: '0 2 * * *', timezone: 'UTC', enabled: true })
      .expect(201);
    // Ten days ago, seen from the database: the repository and its schedule date from then.
    const midnight = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z').getTime();
    const dayAt = (daysAgo: number, hour: number) => new Date(midnight - daysAgo * DAY_MS + hour * 3_600_000);
    const stored = (time: Date) => time.toISOString().replace('T', ' ').replace('Z', '');
    const database = testApp.app.get(DataSource);
    await database.query(`UPDATE "repositories" SET "created_at" = ? WHERE "id" = ?`, [stored(dayAt(9, 0)), id]);
    await database.query(`UPDATE "schedules" SET "active_since" = ? WHERE "id" = ?`, [stored(dayAt(9, 0)), schedule.body.data.id]);
    for (const daysAgo of [8, 6]) {
      borgCli(['create', '--timestamp', borgTimestamp(dayAt(daysAgo, 2.1)), `${repo}::nightly-${daysAgo}`, source], {
        baseDir: cliBase,
        passphrase: PASSPHRASE,
      });
    }
    await agent.get(`/api/repositories/${id}/archives?refresh=true`).expect(200);
    // A backup that fails (its archive name is taken), moved to four days ago.
    const failed = await agent
      .post('/api/backups/manual')
      .send({ repository_id: id, source_path: source, archive_name: 'nightly-8' })
      .expect(201);
    expect((await waitForFinish(agent, failed.body.data.id, 60_000)).status).toBe('failed');
    await database.query(`UPDATE "jobs" SET "created_at" = ? WHERE "id" = ?`, [stored(dayAt(4, 2)), failed.body.data.id]);

    const calendar = (await agent.get(`/api/repositories/${id}/calendar?days=11&time_zone=UTC`).expect(200)).body.data;
    // Today's run is due with its hour of grace at 03:00.
    const today = new Date().getUTCHours() >= 3 ? 'missing' : 'none';
    expect(calendar.days.map((day: { state: string }) => day.state)).toEqual([
      'none', // before the repository was added
      'missing',
      'completed',
      'missing',
      'completed',
      'missing',
      'failed',
      'missing',
      'missing',
      'missing',
      today,
    ]);
    expect(calendar.days[6]).toMatchObject({ archives: 0, failed: 1, expected: true });
  });
});
