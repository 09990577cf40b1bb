import { roleFromClaims, usernameFromClaims } from './oidc-claims';

const config = {
  roleClaim: 'groups',
  roleValues: { admin: ['borg-admins'], operator: ['borg-ops', 'it'], viewer: ['staff'] },
};

describe('roleFromClaims', () => {
  it('gives the highest role any value of the claim maps to', () => {
    expect(roleFromClaims({ groups: ['staff', 'it'] }, config)).toBe('operator');
    expect(roleFromClaims({ groups: ['staff', 'borg-admins', 'it'] }, config)).toBe('admin');
    expect(roleFromClaims({ groups: 'staff' }, config)).toBe('viewer');
  });

  it('gives no role for no match, a missing claim or values that are not text', () => {
    expect(roleFromClaims({ groups: ['sales'] }, config)).toBeNull();
    expect(roleFromClaims({}, config)).toBeNull();
    expect(roleFromClaims({ groups: [1, { name: 'borg-admins' }] }, config)).toBeNull();
  });
});

describe('usernameFromClaims', () => {
  it('keeps the characters a user name may have', () => {
    expect(usernameFromClaims({ preferred_username: 'alice' }, 'preferred_username')).toBe('alice');
    expect(usernameFromClaims({ preferred_username: 'Jean Dupont (IT)' }, 'preferred_username')).toBe('JeanDupontIT');
    expect(usernameFromClaims({ preferred_username: 'x'.repeat(100) }, 'preferred_username')).toHaveLength(64);
  });

  it('falls back to the e-mail address, then the subject', () => {
    expect(usernameFromClaims({ email: 'bob@example.org', sub: '42' }, 'preferred_username')).toBe('bob@example.org');
    expect(usernameFromClaims({ sub: 'abc-123' }, 'preferred_username')).toBe('abc-123');
    expect(usernameFromClaims({ preferred_username: '完全' }, 'preferred_username')).toBeNull();
  });
});
