import type { ReactNode } from 'react';
import { DEFAULT_ARCHIVE_NAME } from '../../api/backups';
import { FormField } from '../form-field';

interface ArchiveNameFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** What the name is for here: borg's placeholders, and what an empty name means. */
  hint: ReactNode;
  errors?: string[];
}

/** The name of the archive a backup makes, with the server's default name shown while it is empty. */
export function ArchiveNameField({ value, onChange, hint, errors }: ArchiveNameFieldProps) {
  return (
    <FormField
      label="Archive name"
      name="archive-name"
      className="mono"
      autoComplete="off"
      autoCapitalize="none"
      spellCheck={false}
      placeholder={DEFAULT_ARCHIVE_NAME}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      hint={hint}
      errors={errors}
    />
  );
}
