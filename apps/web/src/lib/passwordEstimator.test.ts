import { isPasswordStrongEnough } from '@oneway/shared';
import { describe, expect, it } from 'vitest';
import { estimatePassword } from './passwordEstimator.ts';

describe('estimatePassword (the verdict the sign-up, reset, join and change forms show)', () => {
  it.each(['          ', 'aaaaaaaaaa', 'P@ssw0rd12', 'Summer2024!'])(
    'calls %j too easy to guess',
    (password) => {
      const estimate = estimatePassword(password, []);
      expect(isPasswordStrongEnough(estimate)).toBe(false);
    },
  );

  it('accepts a few unrelated words', () => {
    expect(isPasswordStrongEnough(estimatePassword('lantern orbit pickle waltz', []))).toBe(true);
  });

  it('counts the person’s own details (organisation, name, e-mail) as easy to guess', () => {
    const password = 'quillfeatherhiring';
    expect(isPasswordStrongEnough(estimatePassword(password, []))).toBe(true);
    expect(isPasswordStrongEnough(estimatePassword(password, ['Quillfeather Hiring']))).toBe(false);
  });
});
