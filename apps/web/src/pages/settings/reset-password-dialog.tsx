import { useState } from 'react';
import type { User } from '../../api/auth';
import { useUpdateUser } from '../../api/users';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormField } from '../../components/form-field';
import { formErrors } from '../../forms/form-errors';

interface ResetPasswordDialogProps {
  /** Whose password to set; the dialog is open while there is one. */
  user: User | null;
  onClose: () => void;
}

/** Sets another user's password (an admin's reset); that user is logged out everywhere. */
export function ResetPasswordDialog({ user, onClose }: ResetPasswordDialogProps) {
  const update = useUpdateUser();
  const [password, setPassword] = useState('');
  const errors = formErrors(update.error, {
    shown: ['password'],
    sent: update.variables?.change,
    current: { password },
  });

  function close() {
    update.reset();
    setPassword('');
    onClose();
  }

  return (
    <ConfirmDialog
      open={user !== null}
      title={user ? `Reset the password of ${user.username}` : 'Reset the password'}
      confirmLabel="Set password"
      busyLabel="Setting…"
      busy={update.isPending}
      confirmDisabled={password === ''}
      error={errors.alert}
      onConfirm={() => {
        if (user) update.mutate({ id: user.id, change: { password } }, { onSuccess: close });
      }}
      onCancel={close}
    >
      <p>They are logged out everywhere and log in again with the new password.</p>
      <FormField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters."
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        errors={errors.fields['password']}
      />
    </ConfirmDialog>
  );
}
