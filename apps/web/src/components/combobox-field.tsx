import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { matchingOptions, type ComboboxOption } from './combobox-options';
import { Field } from './field';
import './combobox-field.css';

interface ComboboxFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** The choices, in the order the list shows them. */
  options: ComboboxOption[];
  placeholder?: string;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
}

/**
 * A text field with a list of choices below it that narrows to those containing what is typed (a space matches an
 * underscore). Arrow keys move through the list, Enter takes the highlighted choice, Escape closes it; any text may
 * still be typed, for the server to judge.
 */
export function ComboboxField({ label, name, value, onChange, options, placeholder, hint, errors, className }: ComboboxFieldProps) {
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const [open, setOpen] = useState(false);
  // While the list is open after typing, it narrows to the text; opened on a chosen value, it shows every choice.
  const [filtering, setFiltering] = useState(false);
  const [active, setActive] = useState(-1);
  const shown = filtering ? matchingOptions(options, value) : options;

  useEffect(() => {
    if (open && active >= 0) listRef.current?.children[active]?.scrollIntoView({ block: 'nearest' });
  }, [open, active]);

  function show(filter: boolean) {
    setFiltering(filter);
    setActive(-1);
    setOpen(true);
  }

  function choose(option: ComboboxOption) {
    onChange(option.value);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return show(false);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => Math.min(Math.max(index + step, 0), shown.length - 1));
    } else if (event.key === 'Enter' && open && shown[active]) {
      event.preventDefault();
      choose(shown[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  return (
    <Field label={label} hint={hint} errors={errors} className={className}>
      {(control) => (
        <div className="combobox">
          <input
            {...control}
            type="text"
            name={name}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            placeholder={placeholder}
            value={value}
            onChange={(event) => {
              onChange(event.target.value);
              show(true);
            }}
            onClick={() => (open ? setOpen(false) : show(false))}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
          />
          <ul
            ref={listRef}
            id={listId}
            role="listbox"
            aria-label={`Choices for ${label.toLowerCase()}`}
            className="combobox__list"
            hidden={!open || shown.length === 0}
          >
            {open &&
              shown.map((option, index) => (
                <li
                  key={option.value}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className="combobox__option"
                  // Keeps the focus in the field, which would close the list before the click lands.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(option)}
                >
                  <span>{option.value}</span>
                  {option.description && (
                    <>
                      <span className="visually-hidden">, </span>
                      <span className="combobox__description">{option.description}</span>
                    </>
                  )}
                </li>
              ))}
          </ul>
        </div>
      )}
    </Field>
  );
}
