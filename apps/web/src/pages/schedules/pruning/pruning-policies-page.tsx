import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/errors';
import {
  PRUNING_POLICY_PAGE_SIZE,
  useDeletePruningPolicy,
  usePruningPolicies,
  type PruningPolicy,
} from '../../../api/pruning-policies';
import { Pagination } from '../../../components/pagination';
import { DeletePolicyDialog } from '../delete-policy-dialog';
import { useOffsetParam } from '../offset-param';
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
      <div className="page-header">
        <div>
          <h1>Pruning policies</h1>
          <p className="page-intro">Which archives borg prune keeps when it thins out a repository.</p>
        </div>
        <Link to={NEW_POLICY_PATH} className="button button--primary">
          New pruning policy
        </Link>
      </div>

      {policies.isPending ? (
        <p className="panel" role="status">
          Loading pruning policies…
        </p>
      ) : policies.isError ? (
        <p className="alert alert--error page-alert" role="alert">
          {errorMessage(policies.error)}
        </p>
      ) : policies.data.meta.total === 0 ? (
        <section className="panel empty-state" aria-labelledby="empty-pruning-heading">
          <h2 id="empty-pruning-heading">No pruning policies yet</h2>
          <p>
            A pruning policy says how many archives to keep per hour, day, week, month or year. borg prune deletes the
            rest, so a repository does not grow for ever.
          </p>
          <Link to={NEW_POLICY_PATH} className="button button--primary">
            Create a pruning policy
          </Link>
        </section>
      ) : policies.data.items.length === 0 ? (
        <p className="panel">
          There are no policies on this page. <Link to={PRUNING_POLICIES_PATH}>Go to the first page</Link>.
        </p>
      ) : (
        <>
          <PruningPolicyTable policies={policies.data.items} onPrune={setPruning} onDelete={setDeleting} />
          <Pagination
            label="Pruning policies"
            offset={offset}
            limit={PRUNING_POLICY_PAGE_SIZE}
            total={policies.data.meta.total}
            onChange={goTo}
          />
        </>
      )}

      <DeletePolicyDialog kind="pruning policy" policy={deleting} remove={remove} onClose={() => setDeleting(null)} />
      <PruneNowDialog policy={pruning} onClose={() => setPruning(null)} />
    </>
  );
}
