import { Link, useNavigate } from 'react-router-dom';
import { useCreatePruningPolicy } from '../../../api/pruning-policies';
import { EMPTY_PRUNING_POLICY } from './keep-rules';
import { PRUNING_POLICIES_PATH } from './paths';
import { PruningPolicyForm } from './pruning-policy-form';
import '../../repositories/repositories.css';
import '../policies.css';

export function NewPruningPolicyPage() {
  const create = useCreatePruningPolicy();
  const navigate = useNavigate();
  return (
    <>
      <p className="back-link">
        <Link to={PRUNING_POLICIES_PATH}>← Pruning policies</Link>
      </p>
      <h1>New pruning policy</h1>
      <p className="page-intro">Which archives borg prune keeps in a repository; it deletes the others.</p>
      <PruningPolicyForm
        initial={EMPTY_PRUNING_POLICY}
        save={create}
        submitLabel="Create policy"
        onSaved={() => navigate(PRUNING_POLICIES_PATH)}
        cancelPath={PRUNING_POLICIES_PATH}
      />
    </>
  );
}
