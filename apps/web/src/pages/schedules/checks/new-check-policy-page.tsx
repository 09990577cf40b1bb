import { useCreateCheckPolicy } from '../../../api/check-policies';
import { NewPolicyPage } from '../../../components/policies/policy-form-pages';
import { CHECK_POLICIES_PATH } from '../../../paths/page-paths';
import { CheckPolicyForm } from './check-policy-form';
import { EMPTY_CHECK_POLICY } from './check-policy-values';
import '../policies.css';

export function NewCheckPolicyPage() {
  return (
    <NewPolicyPage
      kind="check"
      intro="What borg check looks at in a repository, and how thoroughly."
      listPath={CHECK_POLICIES_PATH}
      Form={CheckPolicyForm}
      initial={EMPTY_CHECK_POLICY}
      useCreate={useCreateCheckPolicy}
    />
  );
}
