import { useState } from 'react';
import { useDisableTwoFactor } from '../../api/two-factor';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormField } from '../../components/form-field';
import { formErrors } from '../../forms/form-errors';

interface TurnOffTwoFactorDialogProps {
  open: boolean;
  onClose: () => void;
}

/** Turns two-factor sign-in off once the password is given again; a wrong one is refused at its field. */
export function TurnOffTwoFactorDialog({ open, onClose }: TurnOffTwoFactorDialogProps) {
  const disable = useDisableTwoFactor();
  const [password, setPassword] = useState('');
  const errors = formErrors(disable.error, { shown: ['password'], sent: disable.variables, current: { password } });

  function close() {
    disable.reset();
    setPassword('');
    onClose();
  }

  return (
    <ConfirmDialog
      open={open}
      title="Turn off two-factor sign-in?"
      confirmLabel="Turn off"
      busyLabel="Turning off…"
      danger
      busy={disable.isPending}
      confirmDisabled={password === ''}
      error={errors.alert}
      onConfirm={() => disable.mutate({ password }, { onSuccess: close })}
      onCancel={close}
    >
      <p>Logging in will ask only for your password again, and your recovery codes stop working.</p>
      <FormField
        label="Your password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        errors={errors.fields['password']}
      />
    </ConfirmDialog>
  );
}
