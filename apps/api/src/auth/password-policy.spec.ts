import { PasswordPolicy } from './password-policy';

describe('PasswordPolicy', () => {
  const policy = new PasswordPolicy();

  it.each([
    ['12345678abcd', 'admin'],
    ['password1234', 'admin'],
    ['Summer2024!!', 'admin'],
    ['admin-admin-admin', 'admin'],
    ['vexmorqa1987', 'vexmorqa'],
  ])('refuses %s for %s, saying why', (password, username) => {
    expect(policy.weakness(password, username)).toMatch(/^This password is too easy to guess\. .+\.$/);
  });

  it.each([
    ['correct horse battery staple', 'admin'],
    ['grape kettle orbit sunlamp', 'admin'],
    ['xK9#mQ2$vL7p', 'admin'],
    ['vexmorqa1987', 'admin'],
  ])('accepts %s for %s', (password, username) => {
    expect(policy.weakness(password, username)).toBeNull();
  });

  it('rates only the start of a long password', () => {
    expect(policy.weakness(`${'a'.repeat(64)}xK9#mQ2$vL7p`, 'admin')).not.toBeNull();
  });
});
