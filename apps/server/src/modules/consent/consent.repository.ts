import type { Db } from '../../db/database.ts';
import type { ConsentsTable } from '../../db/schema/consents.ts';

export async function insertConsent(db: Db, row: ConsentsTable): Promise<void> {
  await db.insertInto('consents').values(row).execute();
}

/** The invitation's most recent consent to a notice with this hash, if any. */
export function findLatestConsent(
  db: Db,
  options: { invitationId: string; noticeHash: string },
): Promise<Pick<ConsentsTable, 'created_at'> | undefined> {
  return db
    .selectFrom('consents')
    .select('created_at')
    .where('invitation_id', '=', options.invitationId)
    .where('notice_hash', '=', options.noticeHash)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}
