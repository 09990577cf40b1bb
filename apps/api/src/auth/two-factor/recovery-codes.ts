import { createHmac, randomBytes } from 'node:crypto';

/** How many recovery codes an enrolment hands out. */
export const RECOVERY_CODE_COUNT = 10;
/** Crockford's base32: no i, l, o or u, so that a code copied by hand is read back right. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** 16 characters of 5 bits each: 80 bits, far beyond guessing, online or from a stolen database. */
const CODE_LENGTH = 16;
const GROUP_LENGTH = 4;

/** New recovery codes, normalised (see normaliseRecoveryCode). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  // 256 is a multiple of 32: every character is equally likely.
  return Array.from({ length: count }, () => [...randomBytes(CODE_LENGTH)].map((byte) => ALPHABET[byte % ALPHABET.length]).join(''));
}

/** A code as it is shown, in groups of four: `7k2m-9qfd-x3rt-b8wa`. */
export function groupedRecoveryCode(code: string): string {
  return (code.match(new RegExp(`.{1,${GROUP_LENGTH}}`, 'g')) ?? []).join('-');
}

/**
 * A recovery code as typed, in the form it is hashed in: case, spaces and dashes do not matter, and the letters
 * Crockford's base32 leaves out are read as the digits they look like. Null when it cannot be a recovery code.
 */
export function normaliseRecoveryCode(typed: string): string | null {
  const code = typed.toLowerCase().replace(/[\s-]/g, '').replace(/[il]/g, '1').replace(/o/g, '0');
  return code.length === CODE_LENGTH && [...code].every((character) => ALPHABET.includes(character)) ? code : null;
}

/**
 * What is stored of a normalised recovery code: HMAC-SHA-256 under a key derived from the server's secret key.
 * A slow hash (argon2) is for passwords people choose; these codes are 80 random bits, so a fast keyed hash is as
 * safe, needs no salt, and lets a login find the code with one indexed lookup instead of trying every hash.
 */
export function recoveryCodeDigest(key: Buffer, normalisedCode: string): string {
  return createHmac('sha256', key).update(normalisedCode).digest('hex');
}
