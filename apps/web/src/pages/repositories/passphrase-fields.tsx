import type { Ref } from 'react';
import { FormField } from '../../components/form-field';

interface PassphraseFieldsProps {
  /** `create` asks twice and warns that the passphrase cannot be recovered; `import` asks once. */
  mode: 'create' | 'import';
  passphrase: string;
  confirm: string;
  onPassphraseChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  mismatch: boolean;
  errors?: string[];
  confirmRef?: Ref<HTMLInputElement>;
}

export function PassphraseFields({
  mode,
  passphrase,
  confirm,
  onPassphraseChange,
  onConfirmChange,
  mismatch,
  errors,
  confirmRef,
}: PassphraseFieldsProps) {
  if (mode === 'import') {
    return (
      <FormField
        label="Passphrase"
        name="passphrase"
        type="password"
        autoComplete="off"
        value={passphrase}
        onChange={(event) => onPassphraseChange(event.target.value)}
        hint="The repository's passphrase. Leave it empty for a repository without encryption."
        errors={errors}
      />
    );
  }
  return (
    <>
      <FormField
        label="Passphrase"
        name="passphrase"
        type="password"
        autoComplete="new-password"
        value={passphrase}
        onChange={(event) => onPassphraseChange(event.target.value)}
        hint="It cannot be recovered: without it the backups cannot be read. Keep a copy somewhere safe, away from this server."
        errors={errors}
      />
      <FormField
        ref={confirmRef}
        label="Confirm passphrase"
        name="confirm-passphrase"
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(event) => onConfirmChange(event.target.value)}
        errors={mismatch ? ['The passphrases do not match'] : undefined}
      />
    </>
  );
}
