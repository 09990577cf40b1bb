/** The query keys of a repository's history and calendar, apart so that the job hooks can refresh them cheaply. */
export const historyKeys = {
  all: ['history'] as const,
  history: (id: number, limit: number) => ['history', id, 'series', { limit }] as const,
  calendar: (id: number, days: number, timeZone: string) => ['history', id, 'calendar', { days, timeZone }] as const,
};
