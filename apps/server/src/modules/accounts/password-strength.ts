import {
  describeWeakPassword,
  isPasswordStrongEnough,
  passwordStrengthMaxLength,
  type PasswordEstimate,
} from '@oneway/shared';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { AppError } from '../../errors.ts';

let estimator: Promise<ZxcvbnFactory> | undefined;

// The dictionaries take a couple of seconds to unpack: once per process, on the first password checked.
async function loadEstimator(): Promise<ZxcvbnFactory> {
  const [common, en] = await Promise.all([
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    // The estimator runs on the event loop: bounded, it takes at most a tenth of a second or so.
    maxLength: passwordStrengthMaxLength,
    l33tMaxSubstitutions: 4,
  });
}

/** zxcvbn's verdict on a password, counting the person's own details (e-mail, names) as guessable. */
export async function estimatePassword(password: string, userInputs: string[]): Promise<PasswordEstimate> {
  // A load that failed (a dictionary not read) is tried again next time, not kept to fail every sign-up.
  estimator ??= loadEstimator().catch((err: unknown) => {
    estimator = undefined;
    throw err;
  });
  const inputs = userInputs.flatMap((input) => [input, ...input.toLowerCase().split(/[^\p{L}\p{N}]+/u)]);
  const result = (await estimator).check(
    password,
    inputs.filter((i) => i.length >= 3),
  );
  return { score: result.score, warning: result.feedback.warning, suggestions: result.feedback.suggestions };
}

/**
 * Refuses a password zxcvbn scores below 3, with a message that says why and what to do; `userInputs` are the
 * person's e-mail address, name and organisation, which make a password easier to guess.
 */
export async function assertPasswordStrength(password: string, userInputs: string[]): Promise<void> {
  const estimate = await estimatePassword(password, userInputs);
  if (isPasswordStrongEnough(estimate)) return;
  const message = describeWeakPassword(estimate);
  throw new AppError('weak_password', {
    message,
    details: { fields: [{ field: 'password', message }] },
  });
}
