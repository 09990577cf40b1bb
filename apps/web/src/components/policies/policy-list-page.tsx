import type { Page } from '@borgitory/api-client';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useState, type ComponentType, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { POLICY_PAGE_SIZE } from '../../api/policy-queries';
import { useOffsetParam } from '../../util/offset-param';
import { EmptyState } from '../empty-state';
import { PageHeader } from '../page-header';
import { PagedList } from '../paged-list';
import { DeletePolicyDialog } from './delete-policy-dialog';
import { policiesTitle } from './policies-title';
import { RequiresRole } from '../requires-role';

/** What a policy's table is given: the page's policies, and what to do when one is run now or deleted. */
export interface PolicyTableActions<Policy> {
  onRun: (policy: Policy) => void;
  onDelete: (policy: Policy) => void;
}

interface PolicyListPageProps<Policy extends { id: number; name: string }> {
  /** "pruning", "check": the page lists "<kind> policies". */
  kind: string;
  intro: string;
  /** What the empty list says such a policy is for. */
  about: string;
  listPath: string;
  usePolicies: (offset: number) => UseQueryResult<Page<Policy>>;
  useDelete: () => UseMutationResult<unknown, Error, number>;
  table: (policies: Policy[], actions: PolicyTableActions<Policy>) => ReactNode;
  /** Runs a policy now on a chosen repository (prune, check); open while it has a policy. */
  RunDialog: ComponentType<{ policy: Policy | null; onClose: () => void }>;
}

/** A kind of policy, a page at a time, with New, and Run now, Edit and Delete for each. */
export function PolicyListPage<Policy extends { id: number; name: string }>({
  kind,
  intro,
  about,
  listPath,
  usePolicies,
  useDelete,
  table,
  RunDialog,
}: PolicyListPageProps<Policy>) {
  const [offset, goTo] = useOffsetParam();
  const policies = usePolicies(offset);
  const remove = useDelete();
  const [deleting, setDeleting] = useState<Policy | null>(null);
  const [running, setRunning] = useState<Policy | null>(null);
  const newPath = `${listPath}/new`;
  const title = policiesTitle(kind);

  return (
    <>
      <PageHeader title={title} intro={intro}>
        <RequiresRole atLeast="admin">
          <Link to={newPath} className="button button--primary">
            New {kind} policy
          </Link>
        </RequiresRole>
      </PageHeader>

      <PagedList
        query={policies}
        loading={`Loading ${kind} policies…`}
        empty={
          <EmptyState title={`No ${kind} policies yet`} actionPath={newPath} actionLabel={`Create a ${kind} policy`} actionRole="admin">
            {about}
          </EmptyState>
        }
        noun="policies"
        firstPagePath={listPath}
        label={title}
        offset={offset}
        pageSize={POLICY_PAGE_SIZE}
        onOffsetChange={goTo}
      >
        {(items) => table(items, { onRun: setRunning, onDelete: setDeleting })}
      </PagedList>

      <DeletePolicyDialog kind={`${kind} policy`} policy={deleting} remove={remove} onClose={() => setDeleting(null)} />
      <RunDialog policy={running} onClose={() => setRunning(null)} />
    </>
  );
}
