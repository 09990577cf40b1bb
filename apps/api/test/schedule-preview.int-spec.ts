import type { Agent } from 'supertest';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

describe('GET /api/schedules/preview', () => {
  let testApp: TestApp;
  let agent: Agent;

  beforeAll(async () => {
    testApp = await startTestApp();
    agent = await setupAdmin(testApp);
  });
  afterAll(() => testApp.close());

  it('gives the next 5 runs in the zone, and the schedule in words', async () => {
    const response = await agent.get('/api/schedules/preview?cron_expression=0%202%20*%20*%20*&timezone=Europe/Berlin').expect(200);
    const { data } = response.body;
    expect(data).toMatchObject({ cron_expression: '0 2 * * *', timezone: 'Europe/Berlin', description: 'At 02:00' });
    expect(data.next_runs).toHaveLength(5);
    for (const run of data.next_runs) expect(run).toMatch(/T02:00:00\.000\+0[12]:00$/);
    const gaps = data.next_runs.slice(1).map((run: string, i: number) => Date.parse(run) - Date.parse(data.next_runs[i]));
    for (const gap of gaps) expect(Math.abs(gap - 24 * 3600_000)).toBeLessThanOrEqual(3600_000);
  });

  it("uses the server's zone when none is given", async () => {
    const response = await agent.get('/api/schedules/preview?cron_expression=*/15%20*%20*%20*%20*').expect(200);
    expect(response.body.data.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(response.body.data.description).toBe('Every 15 minutes');
  });

  it('answers 422 with the reason for an expression or zone it cannot use, 400 without an expression', async () => {
    const fields = await agent.get('/api/schedules/preview?cron_expression=0%202%20*').expect(422);
    expect(fields.body.error.details.cron_expression[0]).toContain('5 fields');
    const range = await agent.get('/api/schedules/preview?cron_expression=0%2025%20*%20*%20*').expect(422);
    expect(Object.keys(range.body.error.details)).toEqual(['cron_expression']);
    const zone = await agent.get('/api/schedules/preview?cron_expression=0%202%20*%20*%20*&timezone=Mars/Olympus').expect(422);
    expect(Object.keys(zone.body.error.details)).toEqual(['timezone']);
    await agent.get('/api/schedules/preview').expect(400);
  });
});
