import { SchedulerRegistry } from '@nestjs/schedule';
import { nextRuns, parseCron } from './cron/cron-schedule';
import { ScheduleTimers } from './schedule-timers';

const DAY = 24 * 3600_000;

/** The timers really fire when the preview says, across the DST changes of 2027 in Europe/Berlin (a faked clock). */
describe('schedule timers', () => {
  let registry: SchedulerRegistry;
  let timers: ScheduleTimers;

  beforeEach(() => {
    jest.useFakeTimers();
    registry = new SchedulerRegistry();
    timers = new ScheduleTimers(registry);
  });
  afterEach(() => {
    for (const id of timers.active()) timers.clear(id);
    jest.useRealTimers();
  });

  function firings(expression: string, timeZone: string, from: string, days: number): string[] {
    jest.setSystemTime(new Date(from));
    const fired: string[] = [];
    timers.set(1, expression, timeZone, async (dueAt) => {
      fired.push(dueAt.toISOString());
    });
    jest.advanceTimersByTime(days * DAY);
    return fired;
  }

  function preview(expression: string, timeZone: string, from: string, count: number): string[] {
    const parsed = parseCron(expression, timeZone);
    if (!parsed.ok) throw new Error(parsed.reason);
    return nextRuns(parsed.cron, timeZone, count, new Date(from)).map((run) => new Date(run).toISOString());
  }

  it('fires 02:30 daily at the first minute after the spring gap (28 March 2027), as previewed', () => {
    const fired = firings('30 2 * * *', 'Europe/Berlin', '2027-03-26T12:00:00Z', 4);
    expect(fired).toEqual(['2027-03-27T01:30:00.000Z', '2027-03-28T01:00:00.000Z', '2027-03-29T00:30:00.000Z', '2027-03-30T00:30:00.000Z']);
    expect(fired).toEqual(preview('30 2 * * *', 'Europe/Berlin', '2027-03-26T12:00:00Z', 4));
  });

  it('fires 02:30 once on 31 October 2027, when it happens twice, as previewed', () => {
    const fired = firings('30 2 * * *', 'Europe/Berlin', '2027-10-29T12:00:00Z', 4);
    expect(fired).toEqual(['2027-10-30T00:30:00.000Z', '2027-10-31T00:30:00.000Z', '2027-11-01T01:30:00.000Z', '2027-11-02T01:30:00.000Z']);
    expect(fired).toEqual(preview('30 2 * * *', 'Europe/Berlin', '2027-10-29T12:00:00Z', 4));
  });

  it('stops firing when cleared and replaces the old timer when set again', () => {
    jest.setSystemTime(new Date('2027-01-01T00:00:30Z'));
    const fired: string[] = [];
    const record = async (dueAt: Date) => {
      fired.push(dueAt.toISOString());
    };
    timers.set(7, '* * * * *', 'UTC', record);
    jest.advanceTimersByTime(60_000);
    timers.clear(7);
    jest.advanceTimersByTime(5 * 60_000);
    timers.set(7, '*/10 * * * *', 'UTC', record);
    timers.set(7, '*/10 * * * *', 'UTC', record);
    jest.advanceTimersByTime(10 * 60_000);
    expect(fired).toEqual(['2027-01-01T00:01:00.000Z', '2027-01-01T00:10:00.000Z']);
    expect(timers.active()).toEqual([7]);
  });
});
