import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { PendingSignInsTable } from '../../db/schema/pending-sign-ins.ts';
import { AppError } from '../../errors.ts';
import { isoIn, isoNow, type Clock } from '../../lib/time.ts';
import { createToken, hashToken } from '../../lib/tokens.ts';

export type PendingSignInRow = Selectable<PendingSignInsTable>;

/** Ten minutes to enter a code or set a factor up, then the password is asked again. */
const pendingLifetimeMs = 10 * 60_000;
/** Wrong codes one pending sign-in takes before it ends (the account's throttle counts them too). */
export const maxPendingAttempts = 5;

export const signInExpired = () =>
  new AppError('sign_in_expired', { message: 'This sign-in has expired. Sign in again with your password.' });

/** A sign-in past its password; the token goes in a short-lived cookie, only its hash is stored. */
export async function createPendingSignIn(
  db: Db,
  clock: Clock,
  options: { userId: string; organisationId: string; stage: PendingSignInRow['stage'] },
): Promise<{ token: string; expiresAt: string }> {
  const token = createToken();
  const expiresAt = isoIn(clock, pendingLifetimeMs);
  await db.deleteFrom('pending_sign_ins').where('user_id', '=', options.userId).execute();
  await db
    .insertInto('pending_sign_ins')
    .values({
      id: hashToken(token),
      user_id: options.userId,
      organisation_id: options.organisationId,
      stage: options.stage,
      attempts: 0,
      created_at: isoNow(clock),
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

/** The live pending sign-in of a cookie value at `stage`, or sign_in_expired. */
export async function requirePendingSignIn(
  db: Db,
  clock: Clock,
  options: { token: string | undefined; stage: PendingSignInRow['stage'] },
): Promise<PendingSignInRow> {
  if (!options.token) throw signInExpired();
  const row = await db
    .selectFrom('pending_sign_ins')
    .selectAll()
    .where('id', '=', hashToken(options.token))
    .executeTakeFirst();
  const live = row && row.stage === options.stage && Date.parse(row.expires_at) > clock.now().getTime();
  if (!live) throw signInExpired();
  return row;
}

/** Counts a wrong code; ends the pending sign-in at the fifth. */
export async function countPendingAttempt(db: Db, row: PendingSignInRow): Promise<void> {
  if (row.attempts + 1 >= maxPendingAttempts) {
    await deletePendingSignIn(db, row.id);
    return;
  }
  await db
    .updateTable('pending_sign_ins')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', row.id)
    .execute();
}

export async function deletePendingSignIn(db: Db, id: string): Promise<void> {
  await db.deleteFrom('pending_sign_ins').where('id', '=', id).execute();
}

/** Deletes pending sign-ins past their time; for the hourly purge. */
export async function deleteExpiredPendingSignIns(db: Db, now: string): Promise<void> {
  await db.deleteFrom('pending_sign_ins').where('expires_at', '<=', now).execute();
}
