import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  CHECK_POLICY_PAGE_SIZE,
  useCheckPolicies,
  useDeleteCheckPolicy,
  type CheckPolicy,
} from '../../../api/check-policies';
import { errorMessage } from '../../../api/errors';
import { Pagination } from '../../../components/pagination';
import { DeletePolicyDialog } from '../delete-policy-dialog';
import { useOffsetParam } from '../offset-param';
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
      <div className="page-header">
        <div>
          <h1>Check policies</h1>
          <p className="page-intro">What borg check verifies in a repository, and how thoroughly.</p>
        </div>
        <Link to={NEW_POLICY_PATH} className="button button--primary">
          New check policy
        </Link>
      </div>

      {policies.isPending ? (
        <p className="panel" role="status">
          Loading check policies…
        </p>
      ) : policies.isError ? (
        <p className="alert alert--error page-alert" role="alert">
          {errorMessage(policies.error)}
        </p>
      ) : policies.data.meta.total === 0 ? (
        <section className="panel empty-state" aria-labelledby="empty-checks-heading">
          <h2 id="empty-checks-heading">No check policies yet</h2>
          <p>
            A check policy says what borg check looks at: a quick check of the repository that can stop after a time
            limit, the archives, or everything down to every data chunk.
          </p>
          <Link to={NEW_POLICY_PATH} className="button button--primary">
            Create a check policy
          </Link>
        </section>
      ) : policies.data.items.length === 0 ? (
        <p className="panel">
          There are no policies on this page. <Link to={CHECK_POLICIES_PATH}>Go to the first page</Link>.
        </p>
      ) : (
        <>
          <CheckPolicyTable policies={policies.data.items} onCheck={setChecking} onDelete={setDeleting} />
          <Pagination
            label="Check policies"
            offset={offset}
            limit={CHECK_POLICY_PAGE_SIZE}
            total={policies.data.meta.total}
            onChange={goTo}
          />
        </>
      )}

      <DeletePolicyDialog kind="check policy" policy={deleting} remove={remove} onClose={() => setDeleting(null)} />
      <CheckNowDialog policy={checking} onClose={() => setChecking(null)} />
    </>
  );
}
