import { useId } from 'react';
import type { CheckScope } from '../../../api/check-policies';
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
      <div className="choice-group__options">
        {CHECK_SCOPES.map((choice) => (
          <div key={choice.value} className="choice-card">
            <input
              type="radio"
              id={`${id}-${choice.value}`}
              name={`${id}-scope`}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              aria-describedby={`${id}-${choice.value}-hint`}
            />
            <label htmlFor={`${id}-${choice.value}`}>{choice.label}</label>
            <p id={`${id}-${choice.value}-hint`} className="choice-card__hint">
              {choice.hint}
            </p>
          </div>
        ))}
      </div>
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
