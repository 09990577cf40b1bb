import { randomBytes } from 'node:crypto';
import { groupedRecoveryCode, newRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_COUNT, recoveryCodeDigest } from './recovery-codes';

describe('recovery codes', () => {
  it('makes ten distinct codes of four groups of four base32 characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{16}$/);
      expect(normaliseRecoveryCode(code)).toBe(code);
      expect(groupedRecoveryCode(code)).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);
      expect(normaliseRecoveryCode(groupedRecoveryCode(code))).toBe(code);
    }
  });

  it('reads a code however it is typed', () => {
    expect(normaliseRecoveryCode('7K2M 9QFD-X3RT b8wa')).toBe('7k2m9qfdx3rtb8wa');
    expect(normaliseRecoveryCode('oiL0-0000-0000-0000')).toBe('0110000000000000');
  });

  it('refuses what cannot be a code', () => {
    expect(normaliseRecoveryCode('123456')).toBeNull();
    expect(normaliseRecoveryCode('7k2m-9qfd-x3rt-b8wau')).toBeNull();
    expect(normaliseRecoveryCode('7k2m-9qfd-x3rt-b8w!')).toBeNull();
  });

  it('hashes under a key: the same code gives the same digest, another key another', () => {
    const key = randomBytes(32);
    const [code] = newRecoveryCodes(1);
    expect(recoveryCodeDigest(key, code)).toMatch(/^[0-9a-f]{64}$/);
    expect(recoveryCodeDigest(key, code)).toBe(recoveryCodeDigest(key, code));
    expect(recoveryCodeDigest(randomBytes(32), code)).not.toBe(recoveryCodeDigest(key, code));
  });
});
