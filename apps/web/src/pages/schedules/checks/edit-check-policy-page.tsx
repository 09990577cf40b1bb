import { Link, useNavigate } from 'react-router-dom';
import { useCheckPolicy, useUpdateCheckPolicy, type CheckPolicy } from '../../../api/check-policies';
import { ItemLoader } from '../../../components/item-loader';
import { CheckPolicyForm } from './check-policy-form';
import { checkPolicyFormValues } from './check-policy-values';
import { CHECK_POLICIES_PATH } from './paths';
import '../../repositories/repositories.css';
import '../policies.css';

export function EditCheckPolicyPage() {
  return (
    <ItemLoader kind="check policy" listPath={CHECK_POLICIES_PATH} useItem={useCheckPolicy}>
      {(policy) => <EditCheckPolicy policy={policy} />}
    </ItemLoader>
  );
}

function EditCheckPolicy({ policy }: { policy: CheckPolicy }) {
  const update = useUpdateCheckPolicy(policy.id);
  const navigate = useNavigate();
  return (
    <>
      <p className="back-link">
        <Link to={CHECK_POLICIES_PATH}>← Check policies</Link>
      </p>
      <h1>Edit {policy.name}</h1>
      <p className="page-intro">Checks that already ran or are queued keep the settings they started with.</p>
      <CheckPolicyForm
        initial={checkPolicyFormValues(policy)}
        save={update}
        submitLabel="Save changes"
        onSaved={() => navigate(CHECK_POLICIES_PATH)}
        cancelPath={CHECK_POLICIES_PATH}
      />
    </>
  );
}
