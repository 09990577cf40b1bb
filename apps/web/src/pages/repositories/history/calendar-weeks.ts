import type { CalendarDay } from '../../../api/history';

export const STATE_WORDS: Record<CalendarDay['state'], string> = {
  completed: 'Backed up',
  failed: 'Failed',
  missing: 'Missing',
  none: 'Nothing expected',
};

/**
 * The days as weeks from Monday to Sunday, oldest first: the first week is padded before its first day and the last
 * after today (null), so that each row of the grid is one weekday.
 */
export function calendarWeeks(days: CalendarDay[]): (CalendarDay | null)[][] {
  if (days.length === 0) return [];
  const weeks: (CalendarDay | null)[][] = [];
  let week: (CalendarDay | null)[] = new Array<null>(weekday(days[0].date)).fill(null);
  for (const day of days) {
    week.push(day);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...new Array<null>(7 - week.length).fill(null)]);
  return weeks;
}

/** 0 for Monday … 6 for Sunday, of a YYYY-MM-DD date. */
export function weekday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** "2026-11-03: Backed up (2 archives)", for the square's tooltip. */
export function dayLabel(day: CalendarDay): string {
  const figures: string[] = [];
  if (day.archives > 0) figures.push(`${day.archives} ${day.archives === 1 ? 'archive' : 'archives'}`);
  if (day.failed > 0) figures.push(`${day.failed} failed`);
  return `${day.date}: ${STATE_WORDS[day.state]}${figures.length ? ` (${figures.join(', ')})` : ''}`;
}
