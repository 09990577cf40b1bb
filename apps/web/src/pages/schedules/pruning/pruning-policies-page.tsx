import { useDeletePruningPolicy, usePruningPolicies } from '../../../api/pruning-policies';
import { PolicyListPage } from '../../../components/policies/policy-list-page';
import { PRUNING_POLICIES_PATH } from '../../../paths/page-paths';
import { SchedulesTabs } from '../schedules-tabs';
import { PruneNowDialog } from './prune-now-dialog';
import { PruningPolicyTable } from './pruning-policy-table';
import '../policies.css';

/** The pruning policies, with preview, prune now, edit and delete for each. */
export function PruningPoliciesPage() {
  return (
    <>
      <SchedulesTabs />
      <PolicyListPage
        kind="pruning"
        intro="Which archives borg prune keeps when it thins out a repository."
        about="A pruning policy says how many archives to keep per hour, day, week, month or year. borg prune deletes the rest, so a repository does not grow for ever."
        listPath={PRUNING_POLICIES_PATH}
        usePolicies={usePruningPolicies}
        useDelete={useDeletePruningPolicy}
        table={(policies, { onRun, onDelete }) => <PruningPolicyTable policies={policies} onPrune={onRun} onDelete={onDelete} />}
        RunDialog={PruneNowDialog}
      />
    </>
  );
}
