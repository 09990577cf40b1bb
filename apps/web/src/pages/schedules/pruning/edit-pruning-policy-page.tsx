import { usePruningPolicy, useUpdatePruningPolicy } from '../../../api/pruning-policies';
import { EditPolicyPage } from '../../../components/policies/policy-form-pages';
import { PRUNING_POLICIES_PATH } from '../../../paths/page-paths';
import { PruningPolicyForm } from './pruning-policy-form';
import { pruningPolicyFormValues } from './pruning-policy-values';
import '../policies.css';

export function EditPruningPolicyPage() {
  return (
    <EditPolicyPage
      kind="pruning"
      intro="Prunes that already ran or are queued keep the rules they started with."
      listPath={PRUNING_POLICIES_PATH}
      Form={PruningPolicyForm}
      useItem={usePruningPolicy}
      useUpdate={useUpdatePruningPolicy}
      formValues={pruningPolicyFormValues}
    />
  );
}
