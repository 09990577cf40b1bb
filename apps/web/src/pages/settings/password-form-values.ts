import type { PasswordChange } from '../../api/account';

export interface PasswordFormValues {
  old_password: string;
  new_password: string;
  /** The new password typed again; checked here, never sent. */
  confirm: string;
}

export const EMPTY_PASSWORD_FORM: PasswordFormValues = { old_password: '', new_password: '', confirm: '' };

/** Why the confirmation does not do, or null: it must repeat the new password. */
export function confirmProblem({ new_password, confirm }: PasswordFormValues): string | null {
  if (confirm === '') return 'Type the new password again';
  return confirm === new_password ? null : 'This is not the same as the new password';
}

/** What the form sends: the current and the new password, without the confirmation. */
export function passwordChange({ old_password, new_password }: PasswordFormValues): PasswordChange {
  return { old_password, new_password };
}
