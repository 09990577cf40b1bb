import { describeCron, nextRuns, parseCron } from './cron-schedule';

function runs(expression: string, timeZone: string, from: string, count = 4): string[] {
  const parsed = parseCron(expression, timeZone);
  if (!parsed.ok) throw new Error(parsed.reason);
  return nextRuns(parsed.cron, timeZone, count, new Date(from));
}

describe('cron schedules', () => {
  it('follows Europe/Berlin across the spring change: 02:30 does not exist on 29 March 2026 and runs at 03:00', () => {
    expect(runs('30 2 * * *', 'Europe/Berlin', '2026-03-27T12:00:00Z')).toEqual([
      '2026-03-28T02:30:00.000+01:00',
      '2026-03-29T03:00:00.000+02:00',
      '2026-03-30T02:30:00.000+02:00',
      '2026-03-31T02:30:00.000+02:00',
    ]);
  });

  it('runs once when 02:30 happens twice (25 October 2026), and keeps the wall clock after it', () => {
    expect(runs('30 2 * * *', 'Europe/Berlin', '2026-10-23T12:00:00Z')).toEqual([
      '2026-10-24T02:30:00.000+02:00',
      '2026-10-25T02:30:00.000+02:00',
      '2026-10-26T02:30:00.000+01:00',
      '2026-10-27T02:30:00.000+01:00',
    ]);
  });

  it('an hourly schedule goes through the repeated hour in real time: no hour is skipped or run twice at once', () => {
    expect(runs('0 * * * *', 'Europe/Berlin', '2026-10-25T00:30:00Z', 3).map((run) => new Date(run).toISOString())).toEqual([
      '2026-10-25T01:00:00.000Z',
      '2026-10-25T02:00:00.000Z',
      '2026-10-25T03:00:00.000Z',
    ]);
  });

  it('keeps 02:00 in its own zone whatever the server zone is', () => {
    expect(runs('0 2 * * 1', 'America/New_York', '2026-11-26T00:00:00Z', 2)).toEqual([
      '2026-11-30T02:00:00.000-05:00',
      '2026-12-07T02:00:00.000-05:00',
    ]);
  });

  it('refuses what is not a 5-field expression or not a zone, with the reason', () => {
    expect(parseCron('0 2 * *', 'UTC')).toMatchObject({ ok: false, field: 'cron_expression', reason: expect.stringContaining('has 4') });
    expect(parseCron('0 0 2 * * *', 'UTC')).toMatchObject({
      ok: false,
      field: 'cron_expression',
      reason: expect.stringContaining('has 6'),
    });
    expect(parseCron('61 2 * * *', 'UTC')).toMatchObject({ ok: false, field: 'cron_expression' });
    expect(parseCron('0 2 * * *', 'Mars/Olympus')).toMatchObject({ ok: false, field: 'timezone' });
  });

  it('refuses an expression that never fires, saying which date does not exist', () => {
    expect(parseCron('0 0 30 2 *', 'UTC')).toEqual({
      ok: false,
      field: 'cron_expression',
      reason: 'never fires: 30 February does not exist',
    });
    expect(parseCron('0 0 30,31 feb *', 'Europe/Berlin')).toMatchObject({
      reason: 'never fires: 30 February and 31 February do not exist',
    });
    expect(parseCron('0 0 31 4,6,9,11 *', 'UTC')).toMatchObject({
      ok: false,
      reason: 'never fires: 31 April, 31 June, 31 September and 31 November do not exist',
    });
  });

  it('accepts what fires, however rarely: 29 February in leap years, 30 February on Mondays (cron ORs the day fields)', () => {
    expect(runs('0 0 29 2 *', 'UTC', '2026-12-05T00:00:00Z', 2)).toEqual(['2028-02-29T00:00:00.000Z', '2032-02-29T00:00:00.000Z']);
    expect(runs('0 0 30 2 1', 'UTC', '2026-12-05T00:00:00Z', 1)).toEqual(['2027-02-01T00:00:00.000Z']);
    expect(parseCron('0 0 31 1,4 *', 'UTC')).toMatchObject({ ok: true });
  });

  it('gives fewer runs than asked when the cron library looks no further (8 years from now)', () => {
    const parsed = parseCron('0 0 29 2 *', 'UTC');
    if (!parsed.ok) throw new Error(parsed.reason);
    const leapDays = nextRuns(parsed.cron, 'UTC', 5);
    expect(leapDays.length).toBeGreaterThanOrEqual(1);
    expect(leapDays.length).toBeLessThan(5);
    for (const run of leapDays) expect(run).toMatch(/-02-29T00:00:00\.000Z$/);
  });

  it('describes a schedule in words', () => {
    expect(describeCron('0 2 * * *')).toBe('At 02:00');
    expect(describeCron('*/15 * * * 1-5')).toBe('Every 15 minutes, Monday through Friday');
    expect(describeCron('not cron')).toBe('not cron');
  });
});
