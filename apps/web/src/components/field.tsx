import { useId, type ReactNode } from 'react';

/** The attributes that tie a form control to its label, hint and error messages. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  label: string;
  /** A short help text shown under the label. */
  hint?: ReactNode;
  /** Messages explaining why the value was refused. */
  errors?: string[];
  className?: string;
  /** Renders the control with the attributes it is given. */
  children: (control: FieldControlProps) => ReactNode;
}

/** A label, hint and error list around one control (input, select or textarea), bound for assistive technology. */
export function Field({ label, hint, errors = [], className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = errors.length > 0;
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className={['field', invalid ? 'field--invalid' : null, className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined })}
      {invalid && (
        <ul id={errorId} className="field__errors">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
