import type { Db } from '../../db/database.ts';
import type { ContinueCodesTable } from '../../db/schema/continue-codes.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';

/** A new code replaces the invitation's old one, used or not. */
export async function replaceContinueCode(db: Db, row: ContinueCodesTable): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('continue_codes').where('invitation_id', '=', row.invitation_id).execute();
    await trx.insertInto('continue_codes').values(row).execute();
  });
}

/** Codes that can still be used, of every invitation sent to this (lower-cased) address. */
export function listLiveCodesForEmail(
  db: Db,
  options: { email: string; now: string; maxAttempts: number },
): Promise<ContinueCodesTable[]> {
  return db
    .selectFrom('continue_codes')
    .innerJoin('invitations', 'invitations.id', 'continue_codes.invitation_id')
    .selectAll('continue_codes')
    .where('invitations.candidate_email', '=', options.email)
    .where('continue_codes.used_at', 'is', null)
    .where('continue_codes.expires_at', '>', options.now)
    .where('continue_codes.attempts', '<', options.maxAttempts)
    .execute();
}

/** One more wrong try against each of these codes. */
export async function countWrongAttempt(db: Db, codeIds: string[]): Promise<void> {
  if (codeIds.length === 0) return;
  await db
    .updateTable('continue_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', codeIds)
    .execute();
}

/** Uses the code, once: false when another request used it first, or it ran out meanwhile. */
export async function consumeContinueCode(
  db: Db,
  options: { id: string; now: string; maxAttempts: number },
): Promise<boolean> {
  const result = await db
    .updateTable('continue_codes')
    .set({ used_at: options.now })
    .where('id', '=', options.id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', options.now)
    .where('attempts', '<', options.maxAttempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The invitation a continue code belongs to. */
export function findCodeInvitation(db: Db, invitationId: string): Promise<InvitationsTable | undefined> {
  return db.selectFrom('invitations').selectAll().where('id', '=', invitationId).executeTakeFirst();
}
