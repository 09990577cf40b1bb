import { parseQueryTime, splitQueryIdSet, splitQuerySet } from './query-values';

describe('splitQuerySet', () => {
  it('reads comma-separated items, repeated parameters and both together', () => {
    expect(splitQuerySet('failed,warning')).toEqual(['failed', 'warning']);
    expect(splitQuerySet(['failed', 'warning,completed'])).toEqual(['failed', 'warning', 'completed']);
    expect(splitQuerySet(' failed , warning ')).toEqual(['failed', 'warning']);
  });

  it('keeps empty items, for the rules to refuse, and leaves anything else as it came', () => {
    expect(splitQuerySet('')).toEqual(['']);
    expect(splitQuerySet('failed,')).toEqual(['failed', '']);
    expect(splitQuerySet({ a: 'b' })).toEqual({ a: 'b' });
  });
});

describe('splitQueryIdSet', () => {
  it('makes numbers of items written in digits only', () => {
    expect(splitQueryIdSet('1,2')).toEqual([1, 2]);
    expect(splitQueryIdSet('1,1e3,-1,x')).toEqual([1, '1e3', '-1', 'x']);
  });
});

describe('parseQueryTime', () => {
  it('reads ISO 8601 date-times with a zone and dates', () => {
    expect(parseQueryTime('2026-12-01T10:20:30Z')).toEqual(new Date('2026-12-01T10:20:30.000Z'));
    expect(parseQueryTime('2026-12-01T10:20:30.5+02:00')).toEqual(new Date('2026-12-01T08:20:30.500Z'));
    expect(parseQueryTime('2026-12-01T10:20Z')).toEqual(new Date('2026-12-01T10:20:00.000Z'));
    expect(parseQueryTime('2026-12-01')).toEqual(new Date('2026-12-01T00:00:00.000Z'));
  });

  it('leaves what is not one as it came: no zone, no date, an impossible date', () => {
    for (const text of ['2026-12-01T10:20:30', 'yesterday', '1733000000', '2026-13-01', '2026-02-30T00:00:00Z', '']) {
      expect(parseQueryTime(text)).toBe(text);
    }
  });
});
