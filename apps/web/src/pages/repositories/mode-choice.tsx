import { useId } from 'react';

export type RepositoryMode = 'create' | 'import';

const CHOICES: { value: RepositoryMode; label: string; hint: string }[] = [
  {
    value: 'create',
    label: 'Create a new repository',
    hint: 'Borgitory runs borg init at the location, which must be empty or not exist yet.',
  },
  {
    value: 'import',
    label: 'Import an existing repository',
    hint: 'Use a repository made earlier, by Borgitory or by borg itself.',
  },
];

interface ModeChoiceProps {
  value: RepositoryMode;
  onChange: (mode: RepositoryMode) => void;
}

/** Create a new repository or import one that exists: a radio group. */
export function ModeChoice({ value, onChange }: ModeChoiceProps) {
  const id = useId();
  return (
    <fieldset className="choice-group">
      <legend>What would you like to do?</legend>
      <div className="choice-group__options">
        {CHOICES.map((choice) => (
          <div key={choice.value} className="choice-card">
            <input
              type="radio"
              id={`${id}-${choice.value}`}
              name={`${id}-mode`}
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
    </fieldset>
  );
}
