import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ConsentsTable } from '../../db/schema/consents.ts';

export async function insertConsent(db: Db, row: Insertable<ConsentsTable>): Promise<void> {
  await db.insertInto('consents').values(row).execute();
}

/** The invitation's most recent consent to a notice with one of these hashes that was not withdrawn, if any. */
export function findLatestConsent(
  db: Db,
  options: { invitationId: string; noticeHashes: string[] },
): Promise<Pick<Selectable<ConsentsTable>, 'created_at'> | undefined> {
  return db
    .selectFrom('consents')
    .select('created_at')
    .where('invitation_id', '=', options.invitationId)
    .where('notice_hash', 'in', options.noticeHashes)
    .where('withdrawn_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** True once the candidate withdrew a consent of this invitation. */
export async function hasWithdrawnConsent(db: Db, invitationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('consents')
    .select('id')
    .where('invitation_id', '=', invitationId)
    .where('withdrawn_at', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}
