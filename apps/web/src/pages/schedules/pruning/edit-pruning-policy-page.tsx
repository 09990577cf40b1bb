import { Link, useNavigate } from 'react-router-dom';
import { usePruningPolicy, useUpdatePruningPolicy, type PruningPolicy } from '../../../api/pruning-policies';
import { ItemLoader } from '../../../components/item-loader';
import { pruningPolicyFormValues } from './keep-rules';
import { PRUNING_POLICIES_PATH } from './paths';
import { PruningPolicyForm } from './pruning-policy-form';
import '../../repositories/repositories.css';
import '../policies.css';

export function EditPruningPolicyPage() {
  return (
    <ItemLoader kind="pruning policy" listPath={PRUNING_POLICIES_PATH} useItem={usePruningPolicy}>
      {(policy) => <EditPruningPolicy policy={policy} />}
    </ItemLoader>
  );
}

function EditPruningPolicy({ policy }: { policy: PruningPolicy }) {
  const update = useUpdatePruningPolicy(policy.id);
  const navigate = useNavigate();
  return (
    <>
      <p className="back-link">
        <Link to={PRUNING_POLICIES_PATH}>← Pruning policies</Link>
      </p>
      <h1>Edit {policy.name}</h1>
      <p className="page-intro">Prunes that already ran or are queued keep the rules they started with.</p>
      <PruningPolicyForm
        initial={pruningPolicyFormValues(policy)}
        save={update}
        submitLabel="Save changes"
        onSaved={() => navigate(PRUNING_POLICIES_PATH)}
        cancelPath={PRUNING_POLICIES_PATH}
      />
    </>
  );
}
