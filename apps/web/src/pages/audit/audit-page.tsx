import { ApiRequestError } from '@borgitory/api-client';
import { Link, useSearchParams } from 'react-router-dom';
import { AUDIT_PAGE_SIZE, useAuditActions, useAuditLog } from '../../api/audit';
import { useCurrentUser } from '../../api/auth';
import { useUserOptions } from '../../api/users';
import { PageHeader } from '../../components/page-header';
import { PagedList } from '../../components/paged-list';
import { AUDIT_PATH, SETTINGS_PATH } from '../../paths/page-paths';
import { AuditFilters } from './audit-filters';
import { auditQuery, auditViewParams, parseAuditView } from './audit-filter-values';
import { AuditTable } from './audit-table';
import './audit.css';

const INTRO = 'Every change and every sensitive read: who, when, from where, what, and how it ended. Newest first.';

/** The audit log for an admin, 50 entries to a page, filtered by user, action and days; the filters and page are kept in the address. */
export function AuditPage() {
  const user = useCurrentUser();
  if (user?.role !== 'admin') return <NeedsAdmin />;
  return <AuditLog />;
}

function AuditLog() {
  const [searchParams, setSearchParams] = useSearchParams();
  const { filters, offset } = parseAuditView(searchParams);
  const entries = useAuditLog(auditQuery(filters), offset);
  const users = useUserOptions();
  const filtered = Object.keys(filters).length > 0;
  const actions = useAuditActions();

  // The role may have been taken away since the page was opened.
  if (entries.error instanceof ApiRequestError && entries.error.status === 403) return <NeedsAdmin />;

  return (
    <>
      <PageHeader title="Audit log" intro={INTRO} />
      <AuditFilters
        filters={filters}
        users={users.data?.items ?? []}
        actions={actions.data ?? []}
        onChange={(next) => setSearchParams(auditViewParams({ filters: next, offset: 0 }))}
      />
      <PagedList
        query={entries}
        loading="Loading the audit log…"
        empty={
          <p className="panel">
            {filtered ? (
              <>
                Nothing in the log matches these filters. <Link to={AUDIT_PATH}>Show the whole log</Link>.
              </>
            ) : (
              'Nothing has been recorded yet.'
            )}
          </p>
        }
        noun="entries"
        firstPagePath={AUDIT_PATH}
        label="Audit log"
        offset={offset}
        pageSize={AUDIT_PAGE_SIZE}
        onOffsetChange={(next) => setSearchParams(auditViewParams({ filters, offset: next }))}
      >
        {(items) => (
          <AuditTable
            entries={items}
            actionPath={(action) => `${AUDIT_PATH}?${new URLSearchParams(auditViewParams({ filters: { ...filters, action }, offset: 0 }))}`}
          />
        )}
      </PagedList>
    </>
  );
}

function NeedsAdmin() {
  return (
    <>
      <PageHeader title="Audit log" intro={INTRO} />
      <p className="alert alert--error page-alert" role="alert">
        The audit log needs the admin role. Ask an admin of this server if you need to see it, or go back to{' '}
        <Link to={SETTINGS_PATH}>your settings</Link>.
      </p>
    </>
  );
}
