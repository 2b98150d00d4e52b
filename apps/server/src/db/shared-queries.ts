import type { Db } from './database.ts';
import type { TakesTable } from './schema/takes.ts';

// Reads more than one module's repository needs, kept once here.

/** pg returns bigint columns as strings; both dialects come out as numbers here. */
export const takeWithNumbers = (row: TakesTable): TakesTable => ({
  ...row,
  bytes: row.bytes === null ? null : Number(row.bytes),
});

/** The frozen interview version (JSON) an invitation was sent with. */
export async function findInvitationSnapshot(
  db: Db,
  options: { interviewVersionId: string },
): Promise<string | undefined> {
  const row = await db
    .selectFrom('interview_versions')
    .select('snapshot')
    .where('id', '=', options.interviewVersionId)
    .executeTakeFirst();
  return row?.snapshot;
}
