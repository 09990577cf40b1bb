import { useId } from 'react';
import type { CheckScope } from '../../../api/check-policies';
import { ChoiceCards } from '../../../components/choice-cards';
import { CHECK_SCOPES } from './check-scopes';

interface ScopeChoiceProps {
  value: CheckScope;
  onChange: (scope: CheckScope) => void;
  errors?: string[];
}

/** What borg check looks at: a radio group of the three scopes. */
export function ScopeChoice({ value, onChange, errors = [] }: ScopeChoiceProps) {
  const id = useId();
  const invalid = errors.length > 0;
  return (
    // A radiogroup can be marked invalid (a radio cannot), and is then focused after a refused save.
    <fieldset
      className="choice-group scope-choice"
      role="radiogroup"
      aria-describedby={invalid ? `${id}-error` : undefined}
      aria-invalid={invalid || undefined}
      tabIndex={invalid ? -1 : undefined}
    >
      <legend>What to check</legend>
      <ChoiceCards choices={CHECK_SCOPES} value={value} onChange={onChange} />
      {invalid && (
        <ul id={`${id}-error`} className="field__errors choice-group__errors">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
