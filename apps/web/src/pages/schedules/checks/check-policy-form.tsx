import type { CheckPolicy, CheckPolicyInput } from '../../../api/check-policies';
import { CheckboxField } from '../../../components/checkbox-field';
import { FormField } from '../../../components/form-field';
import { NameField } from '../../../components/name-field';
import { FormActions, SaveForm, type EditFormProps } from '../../../components/save-form';
import { useFormValues } from '../../../forms/use-form-values';
import { useSaveForm } from '../../../forms/use-save-form';
import { allowedFields, checkPolicyInput, type CheckPolicyFormValues } from './check-policy-values';
import { ScopeChoice } from './scope-choice';

const SHOWN_FIELDS = ['name', 'scope', 'verify_data', 'max_duration', 'glob_archives', 'first', 'last'];

/** borg's refusals that are about how fields combine, and the fields they are about. */
const DEPENDS_ON = {
  scope: ['scope', 'glob_archives', 'first', 'last'],
  verify_data: ['scope', 'verify_data'],
  max_duration: ['scope', 'max_duration'],
  last: ['first', 'last'],
} as const;

type CheckPolicyFormProps = EditFormProps<CheckPolicyFormValues, CheckPolicy, CheckPolicyInput>;

/** The fields of a check policy; those the chosen scope does not allow are disabled. */
export function CheckPolicyForm({ initial, save, submitLabel, onSaved, cancelPath }: CheckPolicyFormProps) {
  const [values, set] = useFormValues<CheckPolicyFormValues>(initial);
  const allowed = allowedFields(values.scope);
  const { formRef, errors, submit } = useSaveForm(save, checkPolicyInput(values), {
    shown: SHOWN_FIELDS,
    dependsOn: DEPENDS_ON,
    onSaved,
  });

  return (
    <SaveForm ref={formRef} onSubmit={submit} busy={save.isPending} alert={errors.alert}>
      <NameField
        value={values.name}
        onChange={set('name')}
        hint="How the policy is called when you choose it, e.g. “Weekly full check”."
        errors={errors.fields['name']}
      />
      <ScopeChoice value={values.scope} onChange={set('scope')} errors={errors.fields['scope']} />
      <CheckboxField
        label="Verify data"
        checked={allowed.archives && values.verify_data}
        disabled={!allowed.archives}
        onChange={set('verify_data')}
        hint={
          allowed.archives
            ? 'Read and verify every data chunk: finds what the other checks cannot, and takes as long as reading the whole repository.'
            : 'Not with “Repository only”: verifying data goes through the archives.'
        }
        errors={errors.fields['verify_data']}
      />
      <FormField
        label="Time limit in seconds (optional)"
        name="max_duration"
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        disabled={!allowed.timeLimit}
        value={allowed.timeLimit ? values.max_duration : ''}
        onChange={(event) => set('max_duration')(event.target.value)}
        hint={
          allowed.timeLimit
            ? 'Stop after this long; the next check goes on where this one stopped. Empty: no limit.'
            : 'Only with “Repository only”.'
        }
        errors={errors.fields['max_duration']}
      />
      <fieldset className="fieldset" disabled={!allowed.archives}>
        <legend>Archives</legend>
        <p className="field__hint">
          {allowed.archives
            ? 'Which archives to check; all of them when left empty. First and last count from the oldest and the newest (of those matching the pattern); give one of them, not both.'
            : 'The archives are not checked with “Repository only”.'}
        </p>
        <FormField
          label="Archive name pattern"
          name="glob_archives"
          className="mono"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="docs-*"
          value={allowed.archives ? values.glob_archives : ''}
          onChange={(event) => set('glob_archives')(event.target.value)}
          errors={errors.fields['glob_archives']}
        />
        <div className="check-archives__counts">
          <FormField
            label="First"
            name="first"
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            value={allowed.archives ? values.first : ''}
            onChange={(event) => set('first')(event.target.value)}
            errors={errors.fields['first']}
          />
          <FormField
            label="Last"
            name="last"
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            value={allowed.archives ? values.last : ''}
            onChange={(event) => set('last')(event.target.value)}
            errors={errors.fields['last']}
          />
        </div>
      </fieldset>
      <FormActions submitLabel={submitLabel} busy={save.isPending} cancelPath={cancelPath} />
    </SaveForm>
  );
}
