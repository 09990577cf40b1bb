import type { AuditFilters } from '../../api/audit';
import { parseOffset } from '../../util/offset-param';

/** The filters as the page holds them: dates as the date inputs give them (YYYY-MM-DD, local days). */
export interface AuditFilterValues {
  user_id?: number;
  action?: string;
  /** The first day shown. */
  since?: string;
  /** The last day shown, whole. */
  until?: string;
}

export interface AuditView {
  filters: AuditFilterValues;
  offset: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The log's filters and page from the address (`?user_id=&action=&since=&until=&offset=`); values that make no sense are left out. */
export function parseAuditView(params: URLSearchParams): AuditView {
  const filters: AuditFilterValues = {};
  const user = Number(params.get('user_id'));
  if (Number.isSafeInteger(user) && user > 0) filters.user_id = user;
  const action = params.get('action')?.trim();
  if (action) filters.action = action;
  const since = params.get('since');
  if (since && localDayStart(since)) filters.since = since;
  const until = params.get('until');
  if (until && localDayStart(until)) filters.until = until;
  return { filters, offset: parseOffset(params.get('offset')) };
}

/** The address's search parameters for the filters and page; what is absent or 0 is left out. */
export function auditViewParams({ filters, offset }: AuditView): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.user_id !== undefined) params['user_id'] = String(filters.user_id);
  if (filters.action) params['action'] = filters.action;
  if (filters.since) params['since'] = filters.since;
  if (filters.until) params['until'] = filters.until;
  if (offset > 0) params['offset'] = String(offset);
  return params;
}

/** What the API is asked: the days as instants, from the start of `since` to the end of `until` in the browser's time zone. */
export function auditQuery(filters: AuditFilterValues): AuditFilters {
  const query: AuditFilters = {};
  if (filters.user_id !== undefined) query.user_id = filters.user_id;
  if (filters.action) query.action = filters.action;
  const since = filters.since ? localDayStart(filters.since) : null;
  if (since) query.since = since.toISOString();
  const until = filters.until ? localDayStart(filters.until) : null;
  if (until) {
    const end = new Date(until.getFullYear(), until.getMonth(), until.getDate() + 1);
    query.until = new Date(end.getTime() - 1).toISOString();
  }
  return query;
}

/** Local midnight of a YYYY-MM-DD day, or null when it is no real day. */
function localDayStart(day: string): Date | null {
  if (!DAY.test(day)) return null;
  const [year, month, date] = day.split('-').map(Number);
  const start = new Date(year, month - 1, date);
  return start.getFullYear() === year && start.getMonth() === month - 1 && start.getDate() === date ? start : null;
}
