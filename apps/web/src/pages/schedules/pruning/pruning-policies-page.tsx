import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PRUNING_POLICY_PAGE_SIZE, useDeletePruningPolicy, usePruningPolicies, type PruningPolicy } from '../../../api/pruning-policies';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { PagedList } from '../../../components/paged-list';
import { useOffsetParam } from '../../../util/offset-param';
import { DeletePolicyDialog } from '../delete-policy-dialog';
import { SchedulesTabs } from '../schedules-tabs';
import { PRUNING_POLICIES_PATH } from './paths';
import { PruneNowDialog } from './prune-now-dialog';
import { PruningPolicyTable } from './pruning-policy-table';
import '../../repositories/repositories.css';
import '../../archives/archives.css';
import '../policies.css';

const NEW_POLICY_PATH = `${PRUNING_POLICIES_PATH}/new`;

/** The pruning policies, with preview, prune now, edit and delete for each. */
export function PruningPoliciesPage() {
  const [offset, goTo] = useOffsetParam();
  const policies = usePruningPolicies(offset);
  const remove = useDeletePruningPolicy();
  const [deleting, setDeleting] = useState<PruningPolicy | null>(null);
  const [pruning, setPruning] = useState<PruningPolicy | null>(null);

  return (
    <>
      <SchedulesTabs />
      <PageHeader title="Pruning policies" intro="Which archives borg prune keeps when it thins out a repository.">
        <Link to={NEW_POLICY_PATH} className="button button--primary">
          New pruning policy
        </Link>
      </PageHeader>

      <PagedList
        query={policies}
        loading="Loading pruning policies…"
        empty={
          <EmptyState title="No pruning policies yet" actionPath={NEW_POLICY_PATH} actionLabel="Create a pruning policy">
            A pruning policy says how many archives to keep per hour, day, week, month or year. borg prune deletes the rest, so a repository
            does not grow for ever.
          </EmptyState>
        }
        noun="policies"
        firstPagePath={PRUNING_POLICIES_PATH}
        label="Pruning policies"
        offset={offset}
        pageSize={PRUNING_POLICY_PAGE_SIZE}
        onOffsetChange={goTo}
      >
        {(items) => <PruningPolicyTable policies={items} onPrune={setPruning} onDelete={setDeleting} />}
      </PagedList>

      <DeletePolicyDialog kind="pruning policy" policy={deleting} remove={remove} onClose={() => setDeleting(null)} />
      <PruneNowDialog policy={pruning} onClose={() => setPruning(null)} />
    </>
  );
}
