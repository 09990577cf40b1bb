import { ROLES } from '../../api/roles';
import { useState } from 'react';
import type { User } from '../../api/auth';
import { errorMessage } from '../../api/errors';
import { useUpdateUser, type Role } from '../../api/users';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { SelectField } from '../../components/select-field';
import { roleHint, roleLabel } from './role-words';

interface RoleDialogProps {
  /** Whose role to change; the dialog is open while there is one. */
  user: User | null;
  onClose: () => void;
}

/** Gives a user another role; the server refuses to demote the last admin, and the dialog says why. */
export function RoleDialog({ user, onClose }: RoleDialogProps) {
  const update = useUpdateUser();
  const [role, setRole] = useState<Role | null>(null);
  const chosen = role ?? user?.role ?? 'viewer';

  function close() {
    update.reset();
    setRole(null);
    onClose();
  }

  return (
    <ConfirmDialog
      open={user !== null}
      title={user ? `Change the role of ${user.username}` : 'Change the role'}
      confirmLabel="Change role"
      busyLabel="Changing…"
      busy={update.isPending}
      confirmDisabled={chosen === user?.role}
      error={update.isError ? errorMessage(update.error) : null}
      onConfirm={() => {
        if (user) update.mutate({ id: user.id, change: { role: chosen } }, { onSuccess: close });
      }}
      onCancel={close}
    >
      <SelectField
        label="Role"
        hint={roleHint(chosen)}
        value={chosen}
        onChange={(event) => setRole(ROLES.find((each) => each === event.target.value) ?? null)}
      >
        {ROLES.map((each) => (
          <option key={each} value={each}>
            {roleLabel(each)}
          </option>
        ))}
      </SelectField>
    </ConfirmDialog>
  );
}
