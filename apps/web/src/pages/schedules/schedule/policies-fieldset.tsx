import { Link } from 'react-router-dom';
import { useCheckPolicyOptions } from '../../../api/check-policies';
import { errorMessage } from '../../../api/errors';
import { usePruningPolicyOptions } from '../../../api/pruning-policies';
import { SelectField } from '../../../components/select-field';
import { checkDescription } from '../checks/check-scopes';
import { CHECK_POLICIES_PATH } from '../checks/paths';
import { keepRulesSummary } from '../pruning/keep-rules';
import { PRUNING_POLICIES_PATH } from '../pruning/paths';
import type { ScheduleFormValues } from './schedule-form-values';

type PolicyValues = Pick<ScheduleFormValues, 'pruningPolicyId' | 'checkPolicyId'>;

interface PoliciesFieldsetProps {
  values: PolicyValues;
  onChange: (patch: Partial<PolicyValues>) => void;
  errors: Record<string, string[]>;
}

/** What runs after the backup: a prune by a pruning policy (and compact, if it says so), then a check by a check policy. */
export function PoliciesFieldset({ values, onChange, errors }: PoliciesFieldsetProps) {
  const pruning = usePruningPolicyOptions();
  const checks = useCheckPolicyOptions();
  const pruningPolicy = pruning.data?.items.find((policy) => String(policy.id) === values.pruningPolicyId);
  const checkPolicy = checks.data?.items.find((policy) => String(policy.id) === values.checkPolicyId);

  return (
    <fieldset className="form-section">
      <legend>After the backup</legend>
      <SelectField
        label="Pruning policy"
        name="pruning-policy"
        value={values.pruningPolicyId}
        onChange={(event) => onChange({ pruningPolicyId: event.target.value })}
        hint={
          pruning.isError ? (
            <span className="field__load-error">{errorMessage(pruning.error)}</span>
          ) : pruningPolicy ? (
            <>
              Keeps {keepRulesSummary(pruningPolicy)}
              {pruningPolicy.glob_archives ? (
                <>
                  {' '}
                  of the archives matching <code>{pruningPolicy.glob_archives}</code>
                </>
              ) : (
                ' of every archive in the repository'
              )}
              {pruningPolicy.compact_after ? ', then compacts the repository' : ''}.
            </>
          ) : (
            <>
              Without one, no archive is ever deleted. <NewPolicyLink to={`${PRUNING_POLICIES_PATH}/new`} kind="pruning" />
            </>
          )
        }
        errors={errors['pruning_policy_id']}
      >
        <option value="">None</option>
        {/* A policy the schedule names that is not among the choices (yet) still shows as chosen. */}
        {values.pruningPolicyId !== '' && !pruningPolicy && (
          <option value={values.pruningPolicyId}>Pruning policy #{values.pruningPolicyId}</option>
        )}
        {pruning.data?.items.map((policy) => (
          <option key={policy.id} value={policy.id}>
            {policy.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Check policy"
        name="check-policy"
        value={values.checkPolicyId}
        onChange={(event) => onChange({ checkPolicyId: event.target.value })}
        hint={
          checks.isError ? (
            <span className="field__load-error">{errorMessage(checks.error)}</span>
          ) : checkPolicy ? (
            checkDescription(checkPolicy)
          ) : (
            <>
              Without one, borg check does not run. <NewPolicyLink to={`${CHECK_POLICIES_PATH}/new`} kind="check" />
            </>
          )
        }
        errors={errors['check_policy_id']}
      >
        <option value="">None</option>
        {values.checkPolicyId !== '' && !checkPolicy && (
          <option value={values.checkPolicyId}>Check policy #{values.checkPolicyId}</option>
        )}
        {checks.data?.items.map((policy) => (
          <option key={policy.id} value={policy.id}>
            {policy.name}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}

/** Opens the policy form in a new tab, so that this form keeps what has been typed; the choices are read again on return. */
function NewPolicyLink({ to, kind }: { to: string; kind: 'pruning' | 'check' }) {
  return (
    <>
      <Link to={to} target="_blank" rel="noopener">
        Create a {kind} policy
      </Link>{' '}
      (in a new tab).
    </>
  );
}
