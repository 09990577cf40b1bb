import type { ReactNode } from 'react';
import { CheckboxField } from './checkbox-field';
import { FormField } from './form-field';
import { HelpText } from './help-text';
import { SelectField } from './select-field';
import { TextAreaField } from './text-area-field';

/** A field of a form the server describes: a cloud provider's, a notification service's. */
export interface FieldDescription {
  name: string;
  label: string;
  /** text: several lines. */
  type: 'string' | 'integer' | 'password' | 'select' | 'text' | 'boolean';
  required: boolean;
  default: string | number | boolean | null;
  help: string;
  options?: { value: string; label: string }[];
}

interface DescribedFieldProps {
  field: FieldDescription;
  /** A checkbox's state, or text as typed. */
  value: string | boolean;
  onChange: (value: string | boolean) => void;
  errors?: string[];
  /** Said before the field's help, e.g. that a stored value is kept. */
  note?: ReactNode;
  disabled?: boolean;
  /** Write-only: the browser should not offer to fill it in with a saved password. */
  secret?: boolean;
}

/** One field of a described form, drawn by its type: a checkbox, a select, several lines, a password, a number or text. */
export function DescribedField({ field, value, onChange, errors, note, disabled, secret = false }: DescribedFieldProps) {
  const help = field.help ? <HelpText text={field.help} /> : undefined;
  const hint = note ? (
    <>
      {note} {help}
    </>
  ) : (
    help
  );
  if (field.type === 'boolean') {
    return (
      <CheckboxField label={field.label} checked={value === true} onChange={onChange} hint={hint} errors={errors} disabled={disabled} />
    );
  }
  const text = typeof value === 'string' ? value : '';
  if (field.type === 'select') {
    return (
      <SelectField
        label={field.label}
        name={field.name}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        hint={hint}
        errors={errors}
        disabled={disabled}
      >
        {field.options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
    );
  }

  // A field with a default always has a value; one without may be left empty.
  const label = field.required || field.default !== null ? field.label : `${field.label} (optional)`;
  const common = {
    label,
    name: field.name,
    required: field.required,
    value: text,
    disabled,
    hint,
    errors,
    autoComplete: secret ? 'new-password' : 'off',
    spellCheck: false,
  };
  if (field.type === 'text') {
    return <TextAreaField {...common} className="mono" rows={3} onChange={(event) => onChange(event.target.value)} />;
  }
  return (
    <FormField
      {...common}
      type={field.type === 'password' ? 'password' : field.type === 'integer' ? 'number' : 'text'}
      inputMode={field.type === 'integer' ? 'numeric' : undefined}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
