import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useConfirmTwoFactor, type TwoFactorEnrolment } from '../../api/two-factor';
import { FormField } from '../../components/form-field';
import { SaveForm } from '../../components/save-form';
import { useFocusFirstProblem } from '../../forms/focus-first-problem';
import { formErrors } from '../../forms/form-errors';
import { groupedSecret } from './two-factor-words';

interface TwoFactorEnrolmentFormProps {
  enrolment: TwoFactorEnrolment;
  onConfirmed: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}

/** The pending secret as a QR code and as text, and the code from the app that proves it holds the secret. */
export function TwoFactorEnrolmentForm({ enrolment, onConfirmed, onCancel }: TwoFactorEnrolmentFormProps) {
  const confirm = useConfirmTwoFactor();
  const [code, setCode] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const input = { code: code.replace(/\s/g, '') };
  const errors = formErrors(confirm.error, { shown: ['code'], sent: confirm.variables, current: input });
  useFocusFirstProblem(formRef, confirm.error);
  useEffect(() => formRef.current?.querySelector<HTMLElement>('.two-factor__steps')?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    confirm.mutate(input, { onSuccess: ({ recovery_codes }) => onConfirmed(recovery_codes) });
  }

  return (
    <SaveForm ref={formRef} onSubmit={submit} className="settings-form two-factor-enrolment" busy={confirm.isPending} alert={errors.alert}>
      <ol className="two-factor__steps" tabIndex={-1} aria-label="Turning on two-factor sign-in">
        <li>
          <p>Scan this QR code with an authenticator app (such as Aegis, FreeOTP or Google Authenticator).</p>
          <img
            className="two-factor__qr"
            src={enrolment.qr_code}
            width={200}
            height={200}
            alt="QR code of the secret for an authenticator app"
          />
          <p>Cannot scan it? Type this secret into the app by hand, as a time-based key:</p>
          <p>
            <code className="two-factor__secret">{groupedSecret(enrolment.secret)}</code>
          </p>
        </li>
        <li>
          <FormField
            label="Code from the app"
            autoComplete="one-time-code"
            inputMode="numeric"
            spellCheck={false}
            hint="The 6 digits the app shows for Borgitory now."
            value={code}
            onChange={(event) => setCode(event.target.value)}
            errors={errors.fields['code']}
          />
        </li>
      </ol>
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          {confirm.isPending ? 'Turning on…' : 'Turn on'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </SaveForm>
  );
}
