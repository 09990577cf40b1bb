import { Secret, TOTP } from 'otpauth';

/** The name authenticator apps show above the account. */
export const TOTP_ISSUER = 'Borgitory';
/** RFC 6238's defaults, the only settings every authenticator app understands. */
const DIGITS = 6;
const PERIOD_SECONDS = 30;
/** Codes of the step before and after the current one count too: clocks drift and typing takes time. */
const WINDOW_STEPS = 1;
/** 160 bits, the length of an HMAC-SHA-1 key (RFC 4226 section 4). */
const SECRET_BYTES = 20;

/** A new random secret, in base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function otpauthUri(secret: string, username: string): string {
  return totpOf(secret, username).toString();
}

/** Whether a code looks like a TOTP code (rather than a recovery code). */
export function isTotpCode(code: string): boolean {
  return new RegExp(`^\\d{${DIGITS}}$`).test(code);
}

/** The time step whose code this is, if it is one within the window around `now` (ms); null otherwise. */
export function matchingStep(secret: string, code: string, now: number): number | null {
  const totp = totpOf(secret, '');
  const delta = totp.validate({ token: code, timestamp: now, window: WINDOW_STEPS });
  return delta === null ? null : totp.counter({ timestamp: now }) + delta;
}

function totpOf(secret: string, username: string): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: username,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD_SECONDS,
  });
}
