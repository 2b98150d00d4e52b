import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { PendingSignupsTable } from '../../db/schema/pending-signups.ts';

export type PendingSignupRow = Selectable<PendingSignupsTable>;

export async function insertPendingSignup(db: Db, row: PendingSignupRow): Promise<void> {
  await db.insertInto('pending_signups').values(row).execute();
}

export function findPendingSignupByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<PendingSignupRow | undefined> {
  return db.selectFrom('pending_signups').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Sign-ups asked for this address since `since`, for the hourly cap on confirmation e-mails. */
export async function countPendingSignupsSince(
  db: Db,
  options: { email: string; since: string },
): Promise<number> {
  const { count } = await db
    .selectFrom('pending_signups')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('email', '=', options.email)
    .where('created_at', '>=', options.since)
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Uses the link up; false when it was used already (two clicks at once). */
export async function usePendingSignup(db: Db, options: { id: string; usedAt: string }): Promise<boolean> {
  const result = await db
    .updateTable('pending_signups')
    .set({ used_at: options.usedAt })
    .where('id', '=', options.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes sign-ups past their link's life (their password hashes with them); for the hourly purge. */
export async function deleteExpiredPendingSignups(db: Db, now: string): Promise<void> {
  await db.deleteFrom('pending_signups').where('expires_at', '<=', now).execute();
}
