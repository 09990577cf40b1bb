import { FormField } from '../form-field';
import { SelectField } from '../select-field';
import { COMPRESSION_PRESETS, COMPRESSION_SYNTAX, CUSTOM_COMPRESSION, compressionHint } from './compression';

interface CompressionFieldProps {
  /** A preset's value, or CUSTOM_COMPRESSION. */
  choice: string;
  custom: string;
  onChoiceChange: (choice: string) => void;
  onCustomChange: (custom: string) => void;
  errors?: string[];
}

/** How borg compresses the archive: a select of common choices, and a text field for any other. */
export function CompressionField({ choice, custom, onChoiceChange, onCustomChange, errors }: CompressionFieldProps) {
  const isCustom = choice === CUSTOM_COMPRESSION;
  return (
    <>
      <SelectField
        label="Compression"
        name="compression"
        value={choice}
        onChange={(event) => onChoiceChange(event.target.value)}
        hint={isCustom ? 'Type the compression below.' : compressionHint(choice)}
        errors={isCustom ? undefined : errors}
      >
        {COMPRESSION_PRESETS.map((preset) => (
          <option key={preset.value} value={preset.value}>
            {preset.label}
          </option>
        ))}
        <option value={CUSTOM_COMPRESSION}>Custom…</option>
      </SelectField>
      {isCustom && (
        <FormField
          label="Custom compression"
          name="custom-compression"
          className="mono"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="zstd,6"
          value={custom}
          onChange={(event) => onCustomChange(event.target.value)}
          hint={COMPRESSION_SYNTAX}
          errors={errors}
        />
      )}
    </>
  );
}
