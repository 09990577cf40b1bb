import { ROLES } from '../../api/roles';
import { useState } from 'react';
import { useCreateUser, type NewUser } from '../../api/users';
import { FormField } from '../../components/form-field';
import { FormActions, SaveForm } from '../../components/save-form';
import { SelectField } from '../../components/select-field';
import { useFormValues } from '../../forms/use-form-values';
import { useSaveForm } from '../../forms/use-save-form';
import { roleHint, roleLabel } from './role-words';

const EMPTY: NewUser = { username: '', password: '', role: 'viewer' };
const SHOWN = ['username', 'password', 'role'] as const;

/** Adds a user with a role; the form empties once the user is made, and says so. */
export function AddUserForm() {
  const create = useCreateUser();
  const [values, set, setValues] = useFormValues(EMPTY);
  const [added, setAdded] = useState<string | null>(null);
  const { formRef, errors, submit } = useSaveForm(create, values, {
    shown: SHOWN,
    onSaved: (user) => {
      setValues(EMPTY);
      setAdded(user.username);
    },
  });

  return (
    <section aria-labelledby="add-user-heading">
      <SaveForm
        ref={formRef}
        onSubmit={(event) => {
          setAdded(null);
          submit(event);
        }}
        className="settings-form"
        busy={create.isPending}
        alert={errors.alert}
        heading={
          <h2 id="add-user-heading" className="settings-heading">
            Add a user
          </h2>
        }
      >
        <FormField
          label="Name"
          autoComplete="off"
          hint="Letters, digits and . _ @ -"
          value={values.username}
          onChange={(event) => set('username')(event.target.value)}
          errors={errors.fields['username']}
        />
        <FormField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. Tell it to them in person; they can change it in their settings."
          value={values.password}
          onChange={(event) => set('password')(event.target.value)}
          errors={errors.fields['password']}
        />
        <SelectField
          label="Role"
          hint={roleHint(values.role)}
          value={values.role}
          onChange={(event) => set('role')(ROLES.find((role) => role === event.target.value) ?? 'viewer')}
          errors={errors.fields['role']}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleLabel(role)}
            </option>
          ))}
        </SelectField>
        <FormActions submitLabel="Add user" busyLabel="Adding…" busy={create.isPending} busyStatus="Adding the user…" />
        <p className="form__status" role="status">
          {added && `${added} was added.`}
        </p>
      </SaveForm>
    </section>
  );
}
