import { Secret, TOTP, URI } from 'otpauth';
import { isTotpCode, matchingStep, newTotpSecret, otpauthUri } from './totp';

const PERIOD_MS = 30_000;

describe('TOTP', () => {
  const secret = newTotpSecret();
  const now = Date.UTC(2026, 11, 5, 12, 0, 10);
  const codeAt = (timestamp: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp });
  const step = Math.floor(now / PERIOD_MS);

  it('makes 160-bit secrets that differ each time', () => {
    expect(Secret.fromBase32(secret).bytes).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(secret);
  });

  it('writes the URI with issuer Borgitory and the username as label', () => {
    const uri = otpauthUri(secret, 'alice');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Borgitory:alice\?/);
    const parsed = URI.parse(uri);
    expect(parsed).toBeInstanceOf(TOTP);
    expect(parsed.issuer).toBe('Borgitory');
    expect(parsed.secret.base32).toBe(secret);
  });

  it('accepts the codes of the current step and one step either side, and says which step', () => {
    expect(matchingStep(secret, codeAt(now), now)).toBe(step);
    expect(matchingStep(secret, codeAt(now - PERIOD_MS), now)).toBe(step - 1);
    expect(matchingStep(secret, codeAt(now + PERIOD_MS), now)).toBe(step + 1);
  });

  it('refuses codes further away, of another secret, or malformed', () => {
    const far = codeAt(now + 3 * PERIOD_MS);
    const near = [-1, 0, 1].map((offset) => codeAt(now + offset * PERIOD_MS));
    if (!near.includes(far)) expect(matchingStep(secret, far, now)).toBeNull();
    const other = TOTP.generate({ secret: Secret.fromBase32(newTotpSecret()), timestamp: now });
    if (!near.includes(other)) expect(matchingStep(secret, other, now)).toBeNull();
    expect(matchingStep(secret, '12345', now)).toBeNull();
  });

  it('tells a TOTP code from other input', () => {
    expect(isTotpCode('012345')).toBe(true);
    expect(isTotpCode('01234')).toBe(false);
    expect(isTotpCode('7k2m-9qfd-x3rt-b8wa')).toBe(false);
  });
});
