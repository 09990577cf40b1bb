import { unwrap, type Schemas } from '@borgitory/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { historyKeys } from './history-keys';

export { historyKeys } from './history-keys';

/** A repository's archives over time: sizes, file counts, the archive count and how far the backfill has come. */
export type RepositoryHistory = Schemas['RepositoryHistoryDto'];
export type HistoryPoint = Schemas['ArchiveHistoryPointDto'];
/** The last days of a repository: completed, failed, missing or nothing expected. */
export type BackupCalendar = Schemas['BackupCalendarDto'];
export type CalendarDay = Schemas['CalendarDayDto'];

/** While the figures of imported archives are being read, the history is asked for again this often. */
const BACKFILL_POLL_MS = 3000;

/** The newest `limit` archives of the repository, oldest first; read again while the backfill goes on. */
export function useRepositoryHistory(id: number, limit = 500) {
  return useQuery({
    queryKey: historyKeys.history(id, limit),
    queryFn: () => unwrap(api.GET('/api/v1/repositories/{id}/history', { params: { path: { id }, query: { limit } } })),
    refetchInterval: (query) => {
      const backfill = query.state.data?.backfill;
      return backfill && backfill.done < backfill.total ? BACKFILL_POLL_MS : false;
    },
  });
}

/** The browser's own time zone: the calendar's days are the user's days. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function useBackupCalendar(id: number, days = 90) {
  const timeZone = browserTimeZone();
  return useQuery({
    queryKey: historyKeys.calendar(id, days, timeZone),
    queryFn: () =>
      unwrap(api.GET('/api/v1/repositories/{id}/calendar', { params: { path: { id }, query: { days, time_zone: timeZone } } })),
  });
}
