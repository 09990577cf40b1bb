import { useCheckPolicy, useUpdateCheckPolicy } from '../../../api/check-policies';
import { EditPolicyPage } from '../../../components/policies/policy-form-pages';
import { CHECK_POLICIES_PATH } from '../../../paths/page-paths';
import { CheckPolicyForm } from './check-policy-form';
import { checkPolicyFormValues } from './check-policy-values';
import '../policies.css';

export function EditCheckPolicyPage() {
  return (
    <EditPolicyPage
      kind="check"
      intro="Checks that already ran or are queued keep the settings they started with."
      listPath={CHECK_POLICIES_PATH}
      Form={CheckPolicyForm}
      useItem={useCheckPolicy}
      useUpdate={useUpdateCheckPolicy}
      formValues={checkPolicyFormValues}
    />
  );
}
