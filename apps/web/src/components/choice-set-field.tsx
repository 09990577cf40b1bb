import './list-filters.css';

interface ChoiceSetFieldProps<T extends string> {
  legend: string;
  choices: ReadonlyArray<{ value: T; label: string }>;
  /** The chosen values; none chosen means no filter. */
  value: readonly T[];
  onChange: (value: T[]) => void;
}

/** Checkboxes drawn as pills under a legend, any number of them on: a set filter of a list (`?status=failed,warning`). */
export function ChoiceSetField<T extends string>({ legend, choices, value, onChange }: ChoiceSetFieldProps<T>) {
  // The chosen values stay in the choices' order, so that the address of a view is one whatever the clicks.
  const toggle = (item: T) =>
    onChange(choices.map((choice) => choice.value).filter((each) => (each === item ? !value.includes(item) : value.includes(each))));
  return (
    <fieldset className="choice-set">
      <legend>{legend}</legend>
      <div className="choice-set__options">
        {choices.map((choice) => (
          <label key={choice.value} className="choice-set__option">
            <input type="checkbox" checked={value.includes(choice.value)} onChange={() => toggle(choice.value)} />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
