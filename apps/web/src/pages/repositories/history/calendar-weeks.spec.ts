import type { CalendarDay } from '../../../api/history';
import { calendarWeeks, dayLabel, weekday } from './calendar-weeks';

const day = (date: string, state: CalendarDay['state'] = 'none', archives = 0, failed = 0): CalendarDay => ({
  date,
  state,
  archives,
  failed,
  expected: state !== 'none',
});

describe('weekday', () => {
  it('counts from Monday', () => {
    expect(weekday('2026-11-02')).toBe(0); // a Monday
    expect(weekday('2026-11-08')).toBe(6); // a Sunday
  });
});

describe('calendarWeeks', () => {
  it('pads the first week before its first day and the last after today, seven days a column', () => {
    // Wednesday 4 November to Tuesday 10 November.
    const days = ['04', '05', '06', '07', '08', '09', '10'].map((d) => day(`2026-11-${d}`));
    const weeks = calendarWeeks(days);
    expect(weeks).toHaveLength(2);
    expect(weeks[0].map((each) => each?.date ?? null)).toEqual([
      null,
      null,
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
      '2026-11-07',
      '2026-11-08',
    ]);
    expect(weeks[1].map((each) => each?.date ?? null)).toEqual(['2026-11-09', '2026-11-10', null, null, null, null, null]);
  });

  it('has nothing for no days', () => {
    expect(calendarWeeks([])).toEqual([]);
  });
});

describe('dayLabel', () => {
  it('says the state and the figures', () => {
    expect(dayLabel(day('2026-11-03', 'completed', 2, 1))).toBe('2026-11-03: Backed up (2 archives, 1 failed)');
    expect(dayLabel(day('2026-11-04', 'missing'))).toBe('2026-11-04: Missing');
  });
});
