import { useRef, useState, type FormEvent } from 'react';
import { useChangePassword } from '../../api/account';
import { FormField } from '../../components/form-field';
import { FormActions, SaveForm } from '../../components/save-form';
import { useFocusFirstProblem } from '../../forms/focus-first-problem';
import { formErrors } from '../../forms/form-errors';
import { useFormValues } from '../../forms/use-form-values';
import { confirmProblem, EMPTY_PASSWORD_FORM, passwordChange } from './password-form-values';

const SHOWN = ['old_password', 'new_password'] as const;

/** Changes the signed-in user's password: the current one, the new one twice (compared here, before anything is sent). */
export function PasswordPanel() {
  const change = useChangePassword();
  const [values, set, setValues] = useFormValues(EMPTY_PASSWORD_FORM);
  const [checked, setChecked] = useState(false);
  const [changed, setChanged] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const input = passwordChange(values);
  const errors = formErrors(change.error, { shown: SHOWN, sent: change.variables, current: input });
  const confirm = checked ? confirmProblem(values) : null;
  const [attempt, setAttempt] = useState(0);
  useFocusFirstProblem(formRef, change.error ?? (confirm ? attempt : null));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChanged(false);
    setChecked(true);
    if (confirmProblem(values)) {
      change.reset();
      setAttempt((count) => count + 1);
      return;
    }
    change.mutate(input, {
      onSuccess: () => {
        setValues(EMPTY_PASSWORD_FORM);
        setChecked(false);
        setChanged(true);
      },
    });
  }

  return (
    <section aria-labelledby="password-heading">
      <SaveForm
        ref={formRef}
        onSubmit={submit}
        className="settings-form"
        busy={change.isPending}
        alert={errors.alert}
        heading={
          <h2 id="password-heading" className="settings-heading">
            Password
          </h2>
        }
      >
        <FormField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={values.old_password}
          onChange={(event) => set('old_password')(event.target.value)}
          errors={errors.fields['old_password']}
        />
        <FormField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters; a few unrelated words are easy to remember and hard to guess."
          value={values.new_password}
          onChange={(event) => set('new_password')(event.target.value)}
          errors={errors.fields['new_password']}
        />
        <FormField
          label="New password again"
          type="password"
          autoComplete="new-password"
          value={values.confirm}
          onChange={(event) => set('confirm')(event.target.value)}
          errors={confirm ? [confirm] : undefined}
        />
        <FormActions submitLabel="Change password" busyLabel="Changing…" busy={change.isPending} busyStatus="Changing your password…" />
        {changed && (
          <p className="alert alert--success" role="status">
            Your password was changed. Your other sessions were ended; this one stays logged in.
          </p>
        )}
      </SaveForm>
    </section>
  );
}
