import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Agent } from 'supertest';
import { DATABASE_FILE } from '../src/platform/database/database-options';
import { ScheduleTimers } from '../src/schedules/schedule-timers';
import { ADMIN, setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

interface ScheduleBody {
  id: number;
  name: string;
  cron_expression: string;
  enabled: boolean;
  next_run_at: string | null;
  disabled_reason: string | null;
}

/** Writes cron expressions into the schedules table as an older version or a hand edit could have left them. */
function writeCronExpressions(dataDir: string, expressions: Record<number, string>): void {
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    // The server may be running (WAL): wait for its writes rather than fail.
    db.pragma('busy_timeout = 5000');
    const update = db.prepare('UPDATE schedules SET cron_expression = ?, enabled = 1 WHERE id = ?');
    for (const [id, expression] of Object.entries(expressions)) expect(update.run(expression, Number(id)).changes).toBe(1);
  } finally {
    db.close();
  }
}

/**
 * Issue 13, item 2: "0 0 30 2 *" (30 February) answered 500 but was saved enabled, and from then on the list, the
 * preview and every start of the server failed with "CronError: No execution date was found".
 */
describe('a cron expression that never fires', () => {
  // The repository and sources outlive the first server (a TestApp's own scratch directory does not).
  const place = mkdtempSync(join(tmpdir(), 'borgitory-never-fires-'));
  const source = join(place, 'documents');
  let testApp: TestApp;
  let agent: Agent;
  let repositoryId: number;

  beforeAll(async () => {
    testApp = await startTestApp();
    agent = await setupAdmin(testApp);
    mkdirSync(source);
    writeFileSync(join(source, 'a.txt'), 'a');
    repositoryId = (
      await agent
        .post('/api/repositories')
        .send({ name: 'Repo', path: join(place, 'repo'), encryption: 'none' })
        .expect(201)
    ).body.data.id;
  });
  afterAll(async () => {
    await testApp?.close();
    rmSync(place, { recursive: true, force: true });
  });

  const body = (name: string, cron_expression: string) => ({
    name,
    repository_id: repositoryId,
    source_path: source,
    cron_expression,
    timezone: 'UTC',
  });
  const preview = (expression: string) => agent.get('/api/schedules/preview').query({ cron_expression: expression, timezone: 'UTC' });

  it('is refused with 422 and the reason at preview, create and update; nothing is saved', async () => {
    const february = await preview('0 0 30 2 *').expect(422);
    expect(february.body.error.code).toBe('VALIDATION_ERROR');
    expect(february.body.error.details).toEqual({ cron_expression: ['never fires: 30 February does not exist'] });
    const shortMonths = await preview('0 0 31 4,6,9,11 *').expect(422);
    expect(shortMonths.body.error.details.cron_expression).toEqual([
      'never fires: 31 April, 31 June, 31 September and 31 November do not exist',
    ]);

    // 29 February comes every four years: valid, and the next run is one.
    const leap = await preview('0 0 29 2 *').expect(200);
    for (const run of leap.body.data.next_runs as string[])
      expect(run).toMatch(/^\d{4}-02-29T00:00:00\.000Z$|^\d{4}-02-29T00:00:00\.000\+00:00$/);

    const created = await agent.post('/api/schedules').send(body('February', '0 0 30 2 *')).expect(422);
    expect(created.body.error.details).toEqual({ cron_expression: ['never fires: 30 February does not exist'] });
    expect((await agent.get('/api/schedules').expect(200)).body.meta.total).toBe(0);

    const valid = (await agent.post('/api/schedules').send(body('Monthly', '0 0 1 * *')).expect(201)).body.data as ScheduleBody;
    const updated = await agent.put(`/api/schedules/${valid.id}`).send(body('Monthly', '0 0 31 4,6,9,11 *')).expect(422);
    expect(Object.keys(updated.body.error.details)).toEqual(['cron_expression']);
    expect((await agent.get(`/api/schedules/${valid.id}`).expect(200)).body.data).toMatchObject({
      cron_expression: '0 0 1 * *',
      enabled: true,
    });
    await agent.delete(`/api/schedules/${valid.id}`).expect(204);
  });

  it('stored anyway, does not stop the server: it is disabled with the reason, the others keep their timers', async () => {
    const create = async (name: string) =>
      (await agent.post('/api/schedules').send(body(name, '0 3 * * *')).expect(201)).body.data as ScheduleBody;
    const good = await create('Good');
    const february = await create('February');
    const outOfRange = await create('Out of range');
    const { dataDir } = testApp;
    await testApp.close({ keepData: true });

    writeCronExpressions(dataDir, { [february.id]: '0 0 30 2 *', [outOfRange.id]: '61 * * * *' });
    testApp = await startTestApp({ dataDir });
    agent = testApp.http();
    await agent.post('/api/auth/login').send(ADMIN).expect(200);

    const list = (await agent.get('/api/schedules').expect(200)).body.data as ScheduleBody[];
    const byName = new Map(list.map((schedule) => [schedule.name, schedule]));
    expect(byName.get('February')).toMatchObject({
      enabled: false,
      next_run_at: null,
      disabled_reason: expect.stringContaining('never fires: 30 February does not exist'),
    });
    expect(byName.get('Out of range')).toMatchObject({ enabled: false, disabled_reason: expect.stringContaining('out of range') });
    expect(byName.get('Good')).toMatchObject({ enabled: true, disabled_reason: null, next_run_at: expect.any(String) });
    const one = (await agent.get(`/api/schedules/${february.id}`).expect(200)).body.data as ScheduleBody;
    expect(one).toMatchObject({ enabled: false, disabled_reason: byName.get('February')?.disabled_reason });
    expect(testApp.app.get(ScheduleTimers).active()).toEqual([good.id]);

    // Switching it back on as it is is refused with the reason; a valid expression clears the reason.
    const toggle = await agent.post(`/api/schedules/${february.id}/toggle`).expect(422);
    expect(toggle.body.error.details.cron_expression[0]).toContain('never fires: 30 February does not exist');
    const fixed = await agent
      .put(`/api/schedules/${february.id}`)
      .send({ ...body('February', '0 0 28 2 *'), enabled: true })
      .expect(200);
    expect(fixed.body.data).toMatchObject({ enabled: true, disabled_reason: null, next_run_at: expect.stringMatching(/-02-28T00:00:00/) });
    expect(testApp.app.get(ScheduleTimers).active().sort()).toEqual([good.id, february.id].sort());
  });

  it('written while the server runs, is disabled when the schedule is next read', async () => {
    const schedule = (await agent.post('/api/schedules').send(body('Hand edited', '0 5 * * *')).expect(201)).body.data as ScheduleBody;
    writeCronExpressions(testApp.dataDir, { [schedule.id]: '0 0 31 4,6,9,11 *' });
    const read = (await agent.get(`/api/schedules/${schedule.id}`).expect(200)).body.data as ScheduleBody;
    expect(read).toMatchObject({ enabled: false, next_run_at: null, disabled_reason: expect.stringContaining('never fires: 31 April') });
    expect(testApp.app.get(ScheduleTimers).active()).not.toContain(schedule.id);
    expect((await agent.get('/api/schedules').expect(200)).body.data.find((row: ScheduleBody) => row.id === schedule.id)).toMatchObject({
      enabled: false,
    });
  });
});
