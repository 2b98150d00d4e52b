import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../errors.ts';
import { commonPasswords } from './common-passwords.ts';

// @node-rs/argon2 defaults to argon2id with m=19 MiB, t=2, p=1: the OWASP minimum. Its Algorithm enum is an
// ambient const enum, which isolatedModules cannot import, so the default is relied on rather than restated.
/** Hashes a password with argon2id. */
export const hashPassword = (password: string): Promise<string> => hash(password);

/** True when the password matches the stored argon2 hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the time a real verify would, so a sign-in for an unknown e-mail is not told apart by its speed. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hash(randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
}

/** Refuses a password that is on the common list or is the account's own e-mail address. */
export function assertPasswordStrength({ password, email }: { password: string; email: string }): void {
  const lower = password.trim().toLowerCase();
  if (commonPasswords.has(lower) || lower === email.trim().toLowerCase()) {
    throw new AppError('weak_password', {
      message: 'This password is too easy to guess. Choose a longer or less common one.',
      details: { fields: [{ field: 'password', message: 'Choose a less common password' }] },
    });
  }
}
