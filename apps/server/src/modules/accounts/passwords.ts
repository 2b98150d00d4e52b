import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

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

/** Accounts made by single sign-on have no password: this stands in its place and matches none. */
export const noPasswordHash = '!sso';

/** False for an account made by single sign-on, which has no password to check or change. */
export const hasUsablePassword = (passwordHash: string): boolean => passwordHash.startsWith('$argon2');
