import { randomInt } from 'node:crypto';
import { hashPassword, verifyPassword } from '../accounts/passwords.ts';

const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
/** How many codes a set holds. */
export const recoveryCodeCount = 10;

/** Ten random codes such as `k7mq2-xw9hp` (about 50 bits each), to be shown once. */
export function createRecoveryCodes(): string[] {
  const group = () => Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return Array.from({ length: recoveryCodeCount }, () => `${group()}-${group()}`);
}

/** The code as stored and compared: lower case, without spaces or dashes. */
export const normaliseRecoveryCode = (code: string): string => code.toLowerCase().replace(/[\s-]/g, '');

/** Recovery codes are stored like passwords: argon2id, salted, slow to guess offline. */
export const hashRecoveryCode = (code: string): Promise<string> => hashPassword(normaliseRecoveryCode(code));

/** The id of the unused code that matches, or null. */
export async function findMatchingRecoveryCode(
  code: string,
  unused: { id: string; code_hash: string }[],
): Promise<string | null> {
  const normalised = normaliseRecoveryCode(code);
  for (const candidate of unused) {
    if (await verifyPassword(candidate.code_hash, normalised)) return candidate.id;
  }
  return null;
}
