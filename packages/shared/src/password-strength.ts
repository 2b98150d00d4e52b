/**
 * Password strength is estimated by zxcvbn-ts (with its common-password and English dictionaries) on both sides:
 * the server refuses, the sign-up, reset, join and change forms show the same verdict as you type.
 */

/** The lowest zxcvbn score accepted (0-4): 3 is "safely unguessable", about 10^8 guesses or more. */
export const minimumPasswordScore = 3;

/** Only this many characters are estimated: longer ones cost the estimator much more and add nothing. */
export const passwordStrengthMaxLength = 32;

/** What zxcvbn says about a password, as both sides read it. */
export interface PasswordEstimate {
  score: number;
  warning: string | null;
  suggestions: string[];
}

const generalAdvice = 'Use a few unrelated words, or a longer password that is not a common phrase.';

/** True when the estimate is strong enough. */
export const isPasswordStrongEnough = (estimate: PasswordEstimate): boolean =>
  estimate.score >= minimumPasswordScore;

/** Why a password is refused and what to do instead, in one message. */
export function describeWeakPassword(estimate: PasswordEstimate): string {
  const why = estimate.warning ?? 'It would be found quickly by trying common words and patterns.';
  const todo = estimate.suggestions.length > 0 ? estimate.suggestions.join(' ') : generalAdvice;
  return `This password is too easy to guess. ${why} ${todo}`;
}
