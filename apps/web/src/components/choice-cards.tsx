import { useId } from 'react';
import './choice-cards.css';

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint: string;
}

interface ChoiceCardsProps<T extends string> {
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
}

/** Radio buttons drawn as cards, each with its label and a hint bound to it; the fieldset and legend are the caller's. */
export function ChoiceCards<T extends string>({ choices, value, onChange }: ChoiceCardsProps<T>) {
  const id = useId();
  return (
    <div className="choice-group__options">
      {choices.map((choice) => (
        <div key={choice.value} className="choice-card">
          <input
            type="radio"
            id={`${id}-${choice.value}`}
            name={id}
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
  );
}
