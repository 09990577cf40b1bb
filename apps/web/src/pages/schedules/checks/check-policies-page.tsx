import { useState } from 'react';
import { Link } from 'react-router-dom';
import { CHECK_POLICY_PAGE_SIZE, useCheckPolicies, useDeleteCheckPolicy, type CheckPolicy } from '../../../api/check-policies';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { PagedList } from '../../../components/paged-list';
import { useOffsetParam } from '../../../util/offset-param';
import { DeletePolicyDialog } from '../delete-policy-dialog';
import { SchedulesTabs } from '../schedules-tabs';
import { CheckNowDialog } from './check-now-dialog';
import { CheckPolicyTable } from './check-policy-table';
import { CHECK_POLICIES_PATH } from './paths';
import '../../repositories/repositories.css';
import '../../archives/archives.css';
import '../policies.css';

const NEW_POLICY_PATH = `${CHECK_POLICIES_PATH}/new`;

/** The check policies, with check now, edit and delete for each. */
export function CheckPoliciesPage() {
  const [offset, goTo] = useOffsetParam();
  const policies = useCheckPolicies(offset);
  const remove = useDeleteCheckPolicy();
  const [deleting, setDeleting] = useState<CheckPolicy | null>(null);
  const [checking, setChecking] = useState<CheckPolicy | null>(null);

  return (
    <>
      <SchedulesTabs />
      <PageHeader title="Check policies" intro="What borg check verifies in a repository, and how thoroughly.">
        <Link to={NEW_POLICY_PATH} className="button button--primary">
          New check policy
        </Link>
      </PageHeader>

      <PagedList
        query={policies}
        loading="Loading check policies…"
        empty={
          <EmptyState title="No check policies yet" actionPath={NEW_POLICY_PATH} actionLabel="Create a check policy">
            A check policy says what borg check looks at: a quick check of the repository that can stop after a time limit, the archives, or
            everything down to every data chunk.
          </EmptyState>
        }
        noun="policies"
        firstPagePath={CHECK_POLICIES_PATH}
        label="Check policies"
        offset={offset}
        pageSize={CHECK_POLICY_PAGE_SIZE}
        onOffsetChange={goTo}
      >
        {(items) => <CheckPolicyTable policies={items} onCheck={setChecking} onDelete={setDeleting} />}
      </PagedList>

      <DeletePolicyDialog kind="check policy" policy={deleting} remove={remove} onClose={() => setDeleting(null)} />
      <CheckNowDialog policy={checking} onClose={() => setChecking(null)} />
    </>
  );
}
