import { Link } from 'react-router-dom';
import { useCheckPolicyOptions } from '../../../api/check-policies';
import { useCloudSyncConfigOptions } from '../../../api/cloud-sync';
import { usePruningPolicyOptions } from '../../../api/pruning-policies';
import { configTarget } from '../../../components/cloud-sync/config-target';
import { modeSummary } from '../../../components/cloud-sync/modes';
import { ItemSelectField } from '../../../components/item-select-field';
import { checkDescription } from '../../../components/policies/check-scopes';
import { keepRulesSummary } from '../../../components/policies/keep-rules';
import type { FieldErrors } from '../../../forms/form-errors';
import { CHECK_POLICIES_PATH, NEW_CLOUD_SYNC_PATH, PRUNING_POLICIES_PATH } from '../../../paths/page-paths';
import type { ScheduleFormValues } from './schedule-form-values';
import { RequiresRole } from '../../../components/requires-role';

type AfterValues = Pick<ScheduleFormValues, 'pruningPolicyId' | 'checkPolicyId' | 'cloudSyncConfigId'>;

interface PoliciesFieldsetProps {
  values: AfterValues;
  onChange: (patch: Partial<AfterValues>) => void;
  errors: FieldErrors;
}

/**
 * What runs after the backup: a prune by a pruning policy (and compact, if it
 * says so), a check by a check policy, then a copy off-site by a cloud sync configuration.
 */
export function PoliciesFieldset({ values, onChange, errors }: PoliciesFieldsetProps) {
  return (
    <fieldset className="form-section">
      <legend>After the backup</legend>
      <ItemSelectField
        label="Pruning policy"
        name="pruning-policy"
        value={values.pruningPolicyId}
        onChange={(pruningPolicyId) => onChange({ pruningPolicyId })}
        query={usePruningPolicyOptions()}
        describe={(policy) => (
          <>
            Keeps {keepRulesSummary(policy)}
            {policy.glob_archives ? (
              <>
                {' '}
                of the archives matching <code>{policy.glob_archives}</code>
              </>
            ) : (
              ' of every archive in the repository'
            )}
            {policy.compact_after ? ', then compacts the repository' : ''}.
          </>
        )}
        none={
          <>
            Without one, no archive is ever deleted. <NewItemLink to={`${PRUNING_POLICIES_PATH}/new`} what="a pruning policy" />
          </>
        }
        unknownName={(id) => `Pruning policy #${id}`}
        errors={errors['pruning_policy_id']}
      />
      <ItemSelectField
        label="Check policy"
        name="check-policy"
        value={values.checkPolicyId}
        onChange={(checkPolicyId) => onChange({ checkPolicyId })}
        query={useCheckPolicyOptions()}
        describe={checkDescription}
        none={
          <>
            Without one, borg check does not run. <NewItemLink to={`${CHECK_POLICIES_PATH}/new`} what="a check policy" />
          </>
        }
        unknownName={(id) => `Check policy #${id}`}
        errors={errors['check_policy_id']}
      />
      <ItemSelectField
        label="Cloud sync"
        name="cloud-sync"
        value={values.cloudSyncConfigId}
        onChange={(cloudSyncConfigId) => onChange({ cloudSyncConfigId })}
        query={useCloudSyncConfigOptions()}
        describe={(config) => (
          <>
            Then copies the repository off-site, into its folder below <code className="wrap">{configTarget(config)}</code> (
            {modeSummary(config.mode).toLowerCase()}). Only for a repository on this server.
          </>
        )}
        none={
          <>
            Without one, the repository is not copied off-site. <NewItemLink to={NEW_CLOUD_SYNC_PATH} what="a cloud sync configuration" />
          </>
        }
        unknownName={(id) => `Cloud sync configuration #${id}`}
        errors={errors['cloud_sync_config_id']}
      />
    </fieldset>
  );
}

/**
 * Opens the other form in a new tab, so that this form keeps what has been typed; the choices are read again on return.
 * Policies and cloud sync configurations are an admin's to create.
 */
function NewItemLink({ to, what }: { to: string; what: string }) {
  return (
    <RequiresRole atLeast="admin">
      <Link to={to} target="_blank" rel="noopener">
        Create {what}
      </Link>{' '}
      (in a new tab).
    </RequiresRole>
  );
}
