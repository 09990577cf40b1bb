import { useCreatePruningPolicy } from '../../../api/pruning-policies';
import { NewPolicyPage } from '../../../components/policies/policy-form-pages';
import { PRUNING_POLICIES_PATH } from '../../../paths/page-paths';
import { PruningPolicyForm } from './pruning-policy-form';
import { EMPTY_PRUNING_POLICY } from './pruning-policy-values';
import '../policies.css';

export function NewPruningPolicyPage() {
  return (
    <NewPolicyPage
      kind="pruning"
      intro="Which archives borg prune keeps in a repository; it deletes the others."
      listPath={PRUNING_POLICIES_PATH}
      Form={PruningPolicyForm}
      initial={EMPTY_PRUNING_POLICY}
      useCreate={useCreatePruningPolicy}
    />
  );
}
