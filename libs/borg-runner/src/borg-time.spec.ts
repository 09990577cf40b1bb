import { parseBorgTime } from './borg-time';

describe('parseBorgTime', () => {
  it('reads borg --json times as local wall-clock times, to the millisecond', () => {
    const time = parseBorgTime('2026-11-26T19:18:17.123456');
    expect([time.getFullYear(), time.getMonth(), time.getDate(), time.getHours(), time.getMinutes()]).toEqual([2026, 10, 26, 19, 18]);
    expect([time.getSeconds(), time.getMilliseconds()]).toEqual([17, 123]);
  });

  it('takes a time without a fraction', () => {
    expect(parseBorgTime('2026-11-26T19:18:17').getTime()).toBe(new Date(2026, 10, 26, 19, 18, 17).getTime());
  });
});
