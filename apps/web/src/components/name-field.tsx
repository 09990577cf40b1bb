import type { ReactNode } from 'react';
import { FormField } from './form-field';

interface NameFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** Where the name is shown, with an example. */
  hint?: ReactNode;
  errors?: string[];
}

/** The required name of what a form makes: a repository, a schedule, a policy, a cloud sync configuration. */
export function NameField({ value, onChange, hint, errors }: NameFieldProps) {
  return (
    <FormField
      label="Name"
      name="name"
      autoComplete="off"
      required
      value={value}
      onChange={(event) => onChange(event.target.value)}
      hint={hint}
      errors={errors}
    />
  );
}
