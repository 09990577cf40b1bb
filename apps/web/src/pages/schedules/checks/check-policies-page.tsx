import { useCheckPolicies, useDeleteCheckPolicy } from '../../../api/check-policies';
import { PolicyListPage } from '../../../components/policies/policy-list-page';
import { CHECK_POLICIES_PATH } from '../../../paths/page-paths';
import { SchedulesTabs } from '../schedules-tabs';
import { CheckNowDialog } from './check-now-dialog';
import { CheckPolicyTable } from './check-policy-table';
import '../policies.css';

/** The check policies, with check now, edit and delete for each. */
export function CheckPoliciesPage() {
  return (
    <>
      <SchedulesTabs />
      <PolicyListPage
        kind="check"
        intro="What borg check verifies in a repository, and how thoroughly."
        about="A check policy says what borg check looks at: a quick check of the repository that can stop after a time limit, the archives, or everything down to every data chunk."
        listPath={CHECK_POLICIES_PATH}
        usePolicies={useCheckPolicies}
        useDelete={useDeleteCheckPolicy}
        table={(policies, { onRun, onDelete }) => <CheckPolicyTable policies={policies} onCheck={onRun} onDelete={onDelete} />}
        RunDialog={CheckNowDialog}
      />
    </>
  );
}
