import type { PruningPolicy, PruningPolicyInput } from '../../../api/pruning-policies';
import { CheckboxField } from '../../../components/checkbox-field';
import { FormField } from '../../../components/form-field';
import { NameField } from '../../../components/name-field';
import { KEEP_FIELDS } from '../../../components/policies/keep-rules';
import { FormActions, SaveForm, type EditFormProps } from '../../../components/save-form';
import { useFormValues } from '../../../forms/use-form-values';
import { useSaveForm } from '../../../forms/use-save-form';
import { KeepRulesFieldset } from './keep-rules-fieldset';
import { pruningPolicyInput, type PruningPolicyFormValues } from './pruning-policy-values';

const SHOWN_FIELDS = ['name', 'keep', ...KEEP_FIELDS, 'glob_archives'];

type PruningPolicyFormProps = EditFormProps<PruningPolicyFormValues, PruningPolicy, PruningPolicyInput>;

/** The fields of a pruning policy, for a new one and for changing one. */
export function PruningPolicyForm({ initial, save, submitLabel, onSaved, cancelPath }: PruningPolicyFormProps) {
  const [values, set, setValues] = useFormValues<PruningPolicyFormValues>(initial);
  const { formRef, errors, submit } = useSaveForm(save, pruningPolicyInput(values), {
    shown: SHOWN_FIELDS,
    dependsOn: { keep: KEEP_FIELDS },
    onSaved,
  });

  return (
    <SaveForm ref={formRef} onSubmit={submit} busy={save.isPending} alert={errors.alert}>
      <NameField
        value={values.name}
        onChange={set('name')}
        hint="How the policy is called when you choose it, e.g. “7 daily, 4 weekly, 6 monthly”."
        errors={errors.fields['name']}
      />
      <KeepRulesFieldset
        values={values}
        onChange={(field, value) => setValues((current) => ({ ...current, [field]: value }))}
        errors={errors.fields}
      />
      <FormField
        label="Archive name pattern (optional)"
        name="glob_archives"
        className="mono"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        placeholder="docs-*"
        value={values.glob_archives}
        onChange={(event) => set('glob_archives')(event.target.value)}
        hint="Only archives whose names match this shell pattern are pruned; the others are left alone. Empty: every archive of the repository."
        errors={errors.fields['glob_archives']}
      />
      <CheckboxField
        label="Compact after pruning"
        checked={values.compact_after}
        onChange={set('compact_after')}
        hint="Runs borg compact after each prune that is not a dry run, which gives the space of the deleted archives back to the disk."
      />
      <FormActions submitLabel={submitLabel} busy={save.isPending} cancelPath={cancelPath} />
    </SaveForm>
  );
}
