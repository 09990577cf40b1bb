import { Link, useNavigate } from 'react-router-dom';
import { useCreateCheckPolicy } from '../../../api/check-policies';
import { CheckPolicyForm } from './check-policy-form';
import { EMPTY_CHECK_POLICY } from './check-policy-values';
import { CHECK_POLICIES_PATH } from './paths';
import '../../repositories/repositories.css';
import '../policies.css';

export function NewCheckPolicyPage() {
  const create = useCreateCheckPolicy();
  const navigate = useNavigate();
  return (
    <>
      <p className="back-link">
        <Link to={CHECK_POLICIES_PATH}>← Check policies</Link>
      </p>
      <h1>New check policy</h1>
      <p className="page-intro">What borg check looks at in a repository, and how thoroughly.</p>
      <CheckPolicyForm
        initial={EMPTY_CHECK_POLICY}
        save={create}
        submitLabel="Create policy"
        onSaved={() => navigate(CHECK_POLICIES_PATH)}
        cancelPath={CHECK_POLICIES_PATH}
      />
    </>
  );
}
