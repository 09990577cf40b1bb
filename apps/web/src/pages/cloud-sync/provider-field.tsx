import type { ProviderField as Field } from '../../api/cloud-sync';
import { CheckboxField } from '../../components/checkbox-field';
import { DescribedField } from '../../components/described-field';
import type { FieldValue } from './cloud-sync-form-values';

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

/** One field of a provider's form; a stored secret says it is kept when left empty, and can be removed unless required. */
export function ProviderField({ field, value, onChange, errors, stored = false, removing = false, onRemovingChange }: ProviderFieldProps) {
  const input = (
    <DescribedField
      field={field}
      value={removing ? '' : value}
      onChange={onChange}
      errors={errors}
      note={
        stored ? (
          <>
            <strong>Set</strong> — leave it empty to keep it.
          </>
        ) : undefined
      }
      disabled={removing}
      secret={field.secret}
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
