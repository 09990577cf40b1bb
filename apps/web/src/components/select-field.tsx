import type { ComponentProps, ReactNode } from 'react';
import { Field } from './field';

interface SelectFieldProps extends Omit<ComponentProps<'select'>, 'id'> {
  label: string;
  hint?: ReactNode;
  errors?: string[];
}

/** A labelled select; its options are the children. */
export function SelectField({ label, hint, errors, className, children, ...select }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} errors={errors} className={className}>
      {(control) => (
        <select {...control} {...select}>
          {children}
        </select>
      )}
    </Field>
  );
}
