import { dayRangeBounds, parseDay, readDayRange, writeDayRange } from './day-range';

describe('day ranges', () => {
  it('takes days that exist, written YYYY-MM-DD', () => {
    expect(parseDay('2026-12-01')).toBe('2026-12-01');
    expect(parseDay('2026-02-30')).toBeUndefined();
    expect(parseDay('2026-12-1')).toBeUndefined();
    expect(parseDay('yesterday')).toBeUndefined();
    expect(parseDay(null)).toBeUndefined();
  });

  it('bounds the range by local midnights, the last day counted whole', () => {
    expect(dayRangeBounds({ from: '2026-12-01', to: '2026-12-05' })).toEqual({
      created_after: new Date(2026, 11, 1).toISOString(),
      created_before: new Date(2026, 11, 6).toISOString(),
    });
    expect(dayRangeBounds({ to: '2026-12-31' })).toEqual({ created_before: new Date(2027, 0, 1).toISOString() });
    expect(dayRangeBounds({})).toEqual({});
  });

  it('reads and writes the range in the address', () => {
    expect(readDayRange(new URLSearchParams('from=2026-12-01&to=2026-13-01'))).toEqual({ from: '2026-12-01' });
    const params: Record<string, string> = { status: 'failed' };
    writeDayRange(params, { from: '2026-12-01', to: '2026-12-05' });
    expect(params).toEqual({ status: 'failed', from: '2026-12-01', to: '2026-12-05' });
  });
});
