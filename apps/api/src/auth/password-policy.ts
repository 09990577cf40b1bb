import { Injectable } from '@nestjs/common';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's "very unguessable" (10^10 guesses or more); its 3 lets "Summer2024!!" and "<username>-<username>" pass. */
export const MIN_PASSWORD_SCORE = 4;
// The estimate blocks the event loop for a time that grows steeply with length and with characters that may
// stand for letters: "p4$$w0rd" repeated to 1,024 characters took 6.5 s with zxcvbn's defaults (256
// characters, 100 substitutions), 0.13 s with these. Only the first 64 characters are rated (a password
// whose first 64 are weak is refused).
const RATED_LENGTH = 64;
const MAX_L33T_SUBSTITUTIONS = 10;

/** Rates new passwords with zxcvbn; the dictionaries are built on first use, once. */
@Injectable()
export class PasswordPolicy {
  private estimator: ZxcvbnFactory | undefined;

  /** Why the password is too easy to guess for this user (a sentence for the password field), or null. */
  weakness(password: string, username: string): string | null {
    const result = this.zxcvbn().check(password, [username]);
    if (result.score >= MIN_PASSWORD_SCORE) return null;
    const { warning, suggestions } = result.feedback;
    const advice = suggestions[0] ?? 'Make it longer with words or characters that are hard to guess.';
    return ['This password is too easy to guess.', warning, advice].filter(Boolean).join(' ');
  }

  private zxcvbn(): ZxcvbnFactory {
    this.estimator ??= new ZxcvbnFactory({
      dictionary: { ...commonDictionary, ...englishDictionary },
      graphs: adjacencyGraphs,
      translations,
      maxLength: RATED_LENGTH,
      l33tMaxSubstitutions: MAX_L33T_SUBSTITUTIONS,
    });
    return this.estimator;
  }
}
