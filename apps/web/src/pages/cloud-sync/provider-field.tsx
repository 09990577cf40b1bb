import type { ProviderField as Field } from '../../api/cloud-sync';
import { CheckboxField } from '../../components/checkbox-field';
import { FormField } from '../../components/form-field';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import type { FieldValue } from './cloud-sync-form-values';
import { HelpText } from './help-text';

interface ProviderFieldProps {
  field: Field;
  value: FieldValue;
  onChange: (value: FieldValue) => void;
  errors?: string[];
  /** A secret the server holds a value of: left empty, that value is kept. */
  stored?: boolean;
  /** The stored secret is to be removed. */
  removing?: boolean;
  onRemovingChange?: (removing: boolean) => void;
}

/** One field of a provider's form, drawn by its type: a checkbox, a select, several lines, a password, a number or text. */
export function ProviderField({ field, value, onChange, errors, stored = false, removing = false, onRemovingChange }: ProviderFieldProps) {
  const help = field.help ? <HelpText text={field.help} /> : undefined;
  if (field.type === 'boolean') {
    return <CheckboxField label={field.label} checked={value === true} onChange={onChange} hint={help} errors={errors} />;
  }
  const text = typeof value === 'string' ? value : '';
  if (field.type === 'select') {
    return (
      <SelectField
        label={field.label}
        name={field.name}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        hint={help}
        errors={errors}
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
  const hint = stored ? (
    <>
      <strong>Set</strong> — leave it empty to keep it. {help}
    </>
  ) : (
    help
  );
  const common = {
    label,
    name: field.name,
    required: field.required,
    value: removing ? '' : text,
    disabled: removing,
    hint,
    errors,
    autoComplete: field.secret ? 'new-password' : 'off',
    spellCheck: false,
  };
  const input =
    field.type === 'text' ? (
      <TextAreaField {...common} className="mono" rows={3} onChange={(event) => onChange(event.target.value)} />
    ) : (
      <FormField
        {...common}
        type={field.type === 'password' ? 'password' : field.type === 'integer' ? 'number' : 'text'}
        inputMode={field.type === 'integer' ? 'numeric' : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  if (!stored || field.required || !onRemovingChange) return input;
  return (
    <div className="provider-secret">
      {input}
      <CheckboxField label={`Remove the stored ${field.label.toLowerCase()}`} checked={removing} onChange={onRemovingChange} />
    </div>
  );
}
