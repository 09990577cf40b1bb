import type { ComponentProps, ReactNode } from 'react';
import { Field } from './field';

interface FormFieldProps extends Omit<ComponentProps<'input'>, 'id'> {
  label: string;
  /** A short help text shown under the label. */
  hint?: ReactNode;
  /** Messages explaining why the value was refused. */
  errors?: string[];
}

/** A labelled input with its hint and error messages bound to it for assistive technology. */
export function FormField({ label, hint, errors, className, ...input }: FormFieldProps) {
  return (
    <Field label={label} hint={hint} errors={errors} className={className}>
      {(control) => <input {...control} {...input} />}
    </Field>
  );
}
