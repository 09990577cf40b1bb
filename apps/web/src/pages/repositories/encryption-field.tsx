import type { Encryption } from '../../api/repositories';
import { SelectField } from '../../components/select-field';
import { ENCRYPTION_MODES, encryptionDescription } from './encryption';

interface EncryptionFieldProps {
  value: Encryption;
  onChange: (value: Encryption) => void;
  errors?: string[];
}

/** The encryption mode of a new repository, with what the chosen mode means. */
export function EncryptionField({ value, onChange, errors }: EncryptionFieldProps) {
  return (
    <>
      <SelectField
        label="Encryption"
        name="encryption"
        value={value}
        onChange={(event) => onChange(event.target.value as Encryption)}
        hint={`${encryptionDescription(value)} It cannot be changed later.`}
        errors={errors}
      >
        {ENCRYPTION_MODES.map((mode) => (
          <option key={mode.value} value={mode.value}>
            {mode.label}
          </option>
        ))}
      </SelectField>
      {value === 'none' && (
        <p className="alert alert--warning">
          <strong>Not encrypted.</strong> Anyone with access to the repository files can read the backups, and changes to them go unnoticed.
        </p>
      )}
    </>
  );
}
