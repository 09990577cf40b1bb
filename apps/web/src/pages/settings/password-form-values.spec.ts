import { confirmProblem, EMPTY_PASSWORD_FORM, passwordChange } from './password-form-values';

describe('password form values', () => {
  const values = { old_password: 'old secret words', new_password: 'grape kettle orbit sunlamp', confirm: 'grape kettle orbit sunlamp' };

  it('accepts a confirmation that repeats the new password', () => {
    expect(confirmProblem(values)).toBeNull();
  });

  it('asks for the confirmation when it is empty', () => {
    expect(confirmProblem({ ...values, confirm: '' })).toBe('Type the new password again');
  });

  it('refuses a confirmation that differs', () => {
    expect(confirmProblem({ ...values, confirm: 'grape kettle orbit sunlam' })).toBe('This is not the same as the new password');
  });

  it('sends the passwords without the confirmation', () => {
    expect(passwordChange(values)).toEqual({ old_password: 'old secret words', new_password: 'grape kettle orbit sunlamp' });
    expect(passwordChange(EMPTY_PASSWORD_FORM)).toEqual({ old_password: '', new_password: '' });
  });
});
