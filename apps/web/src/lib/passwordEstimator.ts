import { passwordStrengthMaxLength, type PasswordEstimate } from '@oneway/shared';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

// The dictionaries are large: this module is only ever imported dynamically, by the employer pages that ask
// for a password (PasswordStrength.tsx), so it is a chunk of its own and candidate pages never load it.
const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
  maxLength: passwordStrengthMaxLength,
  l33tMaxSubstitutions: 4,
});

/** zxcvbn's verdict, as the server reaches it (apps/server/src/modules/accounts/password-strength.ts). */
export function estimatePassword(password: string, userInputs: string[]): PasswordEstimate {
  const inputs = userInputs.flatMap((input) => [input, ...input.toLowerCase().split(/[^\p{L}\p{N}]+/u)]);
  const result = estimator.check(
    password,
    inputs.filter((i) => i.length >= 3),
  );
  return { score: result.score, warning: result.feedback.warning, suggestions: result.feedback.suggestions };
}
