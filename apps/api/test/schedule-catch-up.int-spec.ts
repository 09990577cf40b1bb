import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../src/platform/database/database-options';
import { JobBody, waitForFinish } from './support/job-client';
import { ADMIN, setupAdmin, startTestApp } from './support/test-app';

jest.setTimeout(120_000);

const HOUR = 3600_000;
/** How TypeORM keeps a datetime in SQLite: UTC, without the T and the Z. */
const sqliteTime = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');

describe('catching up a run missed while the server was down', () => {
  // The repository and sources outlive each server (a TestApp's own scratch directory does not).
  const place = mkdtempSync(join(tmpdir(), 'borgitory-catch-up-'));
  afterAll(() => rmSync(place, { recursive: true, force: true }));

  it('runs a schedule with catch_up once, and the others not at all', async () => {
    const source = join(place, 'src');
    mkdirSync(source);
    writeFileSync(join(source, 'a.txt'), 'a');

    const first = await startTestApp();
    const { dataDir } = first;
    let ids: Record<string, number>;
    try {
      const agent = await setupAdmin(first);
      const repository = await agent
        .post('/api/repositories')
        .send({ name: 'Repo', path: join(place, 'repo'), encryption: 'none' })
        .expect(201);
      const create = async (name: string, extra: Record<string, unknown>) =>
        (
          await agent
            .post('/api/schedules')
            .send({
              name,
              repository_id: repository.body.data.id,
              source_path: source,
              cron_expression: '15 * * * *',
              timezone: 'UTC',
              ...extra,
            })
            .expect(201)
        ).body.data.id as number;
      ids = {
        catchUp: await create('catch up', { catch_up: true }),
        noCatchUp: await create('no catch up', {}),
        disabled: await create('disabled', { catch_up: true, enabled: false }),
      };
    } finally {
      await first.close({ keepData: true });
    }

    // The server was down for three hours: three runs of each hourly schedule were due meanwhile.
    const downSince = new Date(Date.now() - 3 * HOUR);
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.prepare('UPDATE schedules SET handled_until = ?').run(sqliteTime(downSince));
    db.close();

    const second = await startTestApp({ dataDir });
    try {
      const agent = second.http();
      await agent.post('/api/auth/login').send(ADMIN).expect(200);
      const runsOf = async (id: number): Promise<JobBody[]> => (await agent.get(`/api/schedules/${id}/runs`).expect(200)).body.data;

      const [caughtUp, ...others] = await runsOf(ids.catchUp);
      expect(others).toEqual([]);
      expect(caughtUp).toMatchObject({ trigger: 'schedule', schedule_id: ids.catchUp });
      expect((await waitForFinish(agent, caughtUp.id, 60_000)).status).toBe('completed');
      const firstMissed = new Date(Math.floor(downSince.getTime() / HOUR) * HOUR + 15 * 60_000);
      if (firstMissed <= downSince) firstMissed.setTime(firstMissed.getTime() + HOUR);
      const log = (await agent.get(`/api/jobs/${caughtUp.id}/logs?format=text`).expect(200)).text;
      expect(log).toContain(
        `Catching up the run of schedule "catch up" missed while Borgitory was down (due at ${firstMissed.toISOString()})`,
      );
      expect(await runsOf(ids.noCatchUp)).toEqual([]);
      expect(await runsOf(ids.disabled)).toEqual([]);
    } finally {
      await second.close({ keepData: true });
    }

    // What was caught up is accounted for: the next start runs nothing.
    const third = await startTestApp({ dataDir });
    try {
      const agent = third.http();
      await agent.post('/api/auth/login').send(ADMIN).expect(200);
      expect((await agent.get(`/api/schedules/${ids.catchUp}/runs`).expect(200)).body.meta.total).toBe(1);
    } finally {
      await third.close();
    }
  });
});
