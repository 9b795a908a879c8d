// The password policy of every password a person chooses (registration, joining by invitation,
// password change): at least MIN_PASSWORD_LENGTH characters (the schemas say so, with Ajv's
// sentence), and not easy to guess, as zxcvbn-ts estimates it: its dictionary of the most common
// passwords (language-common, from leaked-password lists), keyboard patterns, repeats, sequences,
// dates and l33t substitutions, plus the person's own e-mail, names and organization. A refusal
// says why, with zxcvbn's own warning and suggestions.
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { HttpError } from '../http/errors.js';

export const MIN_PASSWORD_LENGTH = 10;

/** zxcvbn's score (0–4) a password needs: 3 = "safely unguessable" (about 10^8 guesses or more). */
export const MIN_PASSWORD_SCORE = 3;

/**
 * Only the first characters are estimated: the estimate's cost grows with the length (~140 ms for
 * 256 characters), and a password whose first 64 characters are strong is strong.
 */
const CHECKED_LENGTH = 64;

// Built on first use (~75 ms): the dictionaries are ranked once. English translations give the
// sentences; the English word lists are left out (they cost ~50 MB of heap for little more).
let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: common.dictionary,
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    maxLength: CHECKED_LENGTH,
  });
  return factory;
}

/** zxcvbn's estimate of `password`, knowing the person's own words (e-mail, names...). */
export function estimatePassword(password: string, personal: readonly (string | null | undefined)[] = []): ZxcvbnResult {
  // "Acme HR Ltd" is also "acme", "hr", "ltd" and "acmehrltd"; "ann.lee@x.com" also "ann", "lee"...
  const words = personal
    .flatMap((w) => (w ? [w.toLowerCase(), w.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''), ...w.toLowerCase().split(/[^\p{L}\p{N}]+/u)] : []))
    .filter((w) => w.length >= 3);
  return estimator().check(password, words);
}

/**
 * Throws 400 weak_password, naming `field`, when `password` is too easy to guess. (Its length is
 * the schema's to check; this is called after validation.)
 */
export function assertStrongPassword(password: string, field: string, personal: readonly (string | null | undefined)[] = []): void {
  const result = estimatePassword(password, personal);
  if (result.score >= MIN_PASSWORD_SCORE) return;
  const why = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ') || 'Add more words that are less common.';
  throw new HttpError(400, 'weak_password', `${field} is too easy to guess: ${why}`, field);
}
