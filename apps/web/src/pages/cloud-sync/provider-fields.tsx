import type { CloudProvider } from '../../api/cloud-sync';
import { SelectField } from '../../components/select-field';
import type { FieldErrors } from '../../forms/form-errors';
import { fieldValue, withPreset, type CloudSyncFormValues, type FieldValue } from './cloud-sync-form-values';
import { ProviderField } from './provider-field';

interface ProviderFieldsProps {
  provider: CloudProvider;
  values: CloudSyncFormValues;
  onChange: (values: CloudSyncFormValues) => void;
  /** Secret fields the server holds a value of. */
  storedSecrets: readonly string[];
  /** Messages by request field (`provider_config.host`). */
  errors: FieldErrors;
}

/** The chosen provider's form, drawn from the fields the server describes, with its presets (if any) first. */
export function ProviderFields({ provider, values, onChange, storedSecrets, errors }: ProviderFieldsProps) {
  const preset = provider.presets.find((candidate) => candidate.name === values.preset);

  function setField(name: string, value: FieldValue) {
    onChange({
      ...values,
      fields: { ...values.fields, [provider.name]: { ...values.fields[provider.name], [name]: value } },
    });
  }

  function setRemoving(name: string, removing: boolean) {
    const others = values.clearSecrets.filter((secret) => secret !== name);
    onChange({ ...values, clearSecrets: removing ? [...others, name] : others });
  }

  return (
    <fieldset className="fieldset">
      <legend>{provider.label}</legend>
      {provider.presets.length > 0 && (
        <SelectField
          label="Preset"
          name="preset"
          value={values.preset}
          onChange={(event) => {
            const chosen = provider.presets.find((candidate) => candidate.name === event.target.value);
            if (chosen) onChange(withPreset(values, chosen));
          }}
          hint={preset?.help ?? 'Fills in the fields below for a known service; change them afterwards as needed.'}
        >
          <option value="" disabled>
            Choose your service…
          </option>
          {provider.presets.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>
              {candidate.label}
            </option>
          ))}
        </SelectField>
      )}
      {provider.fields.map((field) => (
        <ProviderField
          key={field.name}
          field={field}
          value={fieldValue(values, field)}
          onChange={(value) => setField(field.name, value)}
          errors={errors[`provider_config.${field.name}`]}
          stored={field.secret && storedSecrets.includes(field.name)}
          removing={values.clearSecrets.includes(field.name)}
          onRemovingChange={(removing) => setRemoving(field.name, removing)}
        />
      ))}
    </fieldset>
  );
}
