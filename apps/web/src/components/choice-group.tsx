import { useId } from 'react';
import { ChoiceCards, type Choice } from './choice-cards';

interface ChoiceGroupProps<T extends string> {
  legend: string;
  choices: readonly Choice<T>[];
  /** The chosen value; '' when none is chosen yet. */
  value: T | '';
  onChange: (value: T) => void;
  /** Messages explaining why the choice was refused. */
  errors?: string[];
  /** The group's own class, beside `choice-group`. */
  className?: string;
}

/** Radio cards under a legend, with the messages that refused the choice below them. */
export function ChoiceGroup<T extends string>({ legend, choices, value, onChange, errors = [], className }: ChoiceGroupProps<T>) {
  const id = useId();
  const invalid = errors.length > 0;
  return (
    // A radiogroup can be marked invalid (a radio cannot), and is then focused after a refused save.
    <fieldset
      className={className ? `choice-group ${className}` : 'choice-group'}
      role="radiogroup"
      aria-describedby={invalid ? `${id}-error` : undefined}
      aria-invalid={invalid || undefined}
      tabIndex={invalid ? -1 : undefined}
    >
      <legend>{legend}</legend>
      <ChoiceCards<T | ''> choices={choices} value={value} onChange={(chosen) => onChange(chosen as T)} />
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
