import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { PasswordResetsTable } from '../../db/schema/password-resets.ts';

export type PasswordResetRow = Selectable<PasswordResetsTable>;

export async function insertPasswordReset(db: Db, reset: Insertable<PasswordResetsTable>): Promise<void> {
  await db.insertInto('password_resets').values(reset).execute();
}

export function findPasswordResetByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<PasswordResetRow | undefined> {
  return db.selectFrom('password_resets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Marks every unused reset link of the user used; true when the given one was among them (first use wins). */
export async function usePasswordResets(
  db: Db,
  { id, userId, usedAt }: { id: string; userId: string; usedAt: string },
): Promise<boolean> {
  const claimed = await db
    .updateTable('password_resets')
    .set({ used_at: usedAt })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return false;
  await db
    .updateTable('password_resets')
    .set({ used_at: usedAt })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
  return true;
}
