import { unwrap, unwrapPage, type operations, type Schemas } from '@borgitory/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';

export type AuditEntry = Schemas['AuditEntryDto'];
export type AuditOutcome = AuditEntry['outcome'];
export type AuditAction = Schemas['AuditActionDto'];

export const AUDIT_PAGE_SIZE = 50;

/** The audit log's filters; an absent filter lists everything. `since` and `until` are ISO date-times. */
export interface AuditFilters {
  user_id?: number;
  action?: string;
  since?: string;
  until?: string;
}

type AuditListQuery = NonNullable<operations['auditList']['parameters']['query']>;

/** The filters in the API's terms: the user and the action each a set of one. */
function auditListQuery(filters: AuditFilters, offset: number): AuditListQuery {
  const { user_id, action, ...times } = filters;
  return {
    limit: AUDIT_PAGE_SIZE,
    offset,
    ...times,
    ...(user_id !== undefined ? { user_id: [user_id] } : {}),
    ...(action !== undefined ? { action: [action] } : {}),
  };
}

export const auditKeys = {
  all: ['audit'] as const,
  actions: ['audit', 'actions'] as const,
  list: (filters: AuditFilters, offset: number) => ['audit', { ...filters, offset }] as const,
};

/** One page of the audit log (admins only), newest first; the previous page stays on screen while the next one loads. */
export function useAuditLog(filters: AuditFilters, offset: number) {
  return useQuery({
    queryKey: auditKeys.list(filters, offset),
    queryFn: () => unwrapPage(api.GET('/api/v1/audit', { params: { query: auditListQuery(filters, offset) } })),
    placeholderData: keepPreviousData,
  });
}

/** The operations the log holds, with their counts, for the action filter. */
export function useAuditActions() {
  return useQuery({
    queryKey: auditKeys.actions,
    queryFn: () => unwrap(api.GET('/api/v1/audit/actions')),
  });
}
