import { TextAreaField } from '../text-area-field';

interface ExcludePatternsFieldProps {
  /** One pattern per line. */
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
}

/** What borg create leaves out: its --exclude patterns, one per line. */
export function ExcludePatternsField({ value, onChange, errors }: ExcludePatternsFieldProps) {
  return (
    <TextAreaField
      label="Exclude patterns"
      name="exclude-patterns"
      className="mono"
      rows={3}
      spellCheck={false}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      hint={
        <>
          One borg pattern per line, e.g. <code>*.tmp</code> or <code>sh:**/node_modules</code>. Paths and files that match are left out.
        </>
      }
      errors={errors}
    />
  );
}
