import { useId } from 'react';
import { Field, type FieldControlProps } from '../../../components/field';
import { KEEP_COUNTS, type KeepCountField } from '../../../components/policies/keep-rules';
import type { FieldErrors } from '../../../forms/form-errors';
import type { PruningPolicyFormValues } from './pruning-policy-values';

type KeepField = 'keep_within' | KeepCountField;

interface KeepRulesFieldsetProps {
  values: PruningPolicyFormValues;
  onChange: (field: KeepField, value: string) => void;
  /** Messages by field, and under `keep` those about the rules as a whole. */
  errors: FieldErrors;
}

/**
 * borg prune's keep rules in a grid. A message about the rules as a whole
 * ("at least one") marks every rule invalid and is read with each of them.
 */
export function KeepRulesFieldset({ values, onChange, errors }: KeepRulesFieldsetProps) {
  const id = useId();
  const groupErrors = errors['keep'] ?? [];
  const groupInvalid = groupErrors.length > 0;
  const groupErrorId = `${id}-error`;

  function input(field: KeepField, props: { type: 'number' | 'text'; placeholder?: string }) {
    return (control: FieldControlProps) => (
      <input
        {...control}
        {...props}
        name={field}
        min={props.type === 'number' ? 1 : undefined}
        step={props.type === 'number' ? 1 : undefined}
        inputMode={props.type === 'number' ? 'numeric' : undefined}
        autoComplete="off"
        spellCheck={false}
        value={values[field]}
        onChange={(event) => onChange(field, event.target.value)}
        aria-describedby={[control['aria-describedby'], groupInvalid ? groupErrorId : null].filter(Boolean).join(' ') || undefined}
        aria-invalid={control['aria-invalid'] ?? (groupInvalid || undefined)}
      />
    );
  }

  return (
    <fieldset className={`fieldset keep-rules${groupInvalid ? ' keep-rules--invalid' : ''}`} aria-describedby={`${id}-hint`}>
      <legend>Keep</legend>
      <div id={`${id}-hint`} className="keep-rules__hint">
        <p>
          <strong>At least one rule is required:</strong> without one, borg prune would delete every archive.
        </p>
        <p>
          <em>Daily 7</em> keeps the newest archive of each of the last 7 days that have one, and so on for the other periods. <em>Last</em>{' '}
          keeps the newest archives, <em>Within</em> every archive younger than a period: a number and H (hours), d, w, m or y, e.g.{' '}
          <code>7d</code>.
        </p>
      </div>
      {groupInvalid && (
        <ul id={groupErrorId} className="field__errors">
          {groupErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <div className="keep-rules__grid">
        <Field label="Within" errors={errors['keep_within']} className="mono">
          {input('keep_within', { type: 'text', placeholder: '7d' })}
        </Field>
        {KEEP_COUNTS.map((rule) => (
          <Field key={rule.field} label={rule.label} errors={errors[rule.field]}>
            {input(rule.field, { type: 'number' })}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
