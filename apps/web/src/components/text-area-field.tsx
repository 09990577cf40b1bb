import type { ComponentProps, ReactNode } from 'react';
import { Field } from './field';

interface TextAreaFieldProps extends Omit<ComponentProps<'textarea'>, 'id'> {
  label: string;
  hint?: ReactNode;
  errors?: string[];
}

/** A labelled multi-line input, for pasted keys and the like. */
export function TextAreaField({ label, hint, errors, className, ...textarea }: TextAreaFieldProps) {
  return (
    <Field label={label} hint={hint} errors={errors} className={className}>
      {(control) => <textarea {...control} {...textarea} />}
    </Field>
  );
}
