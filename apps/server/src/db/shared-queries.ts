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

/** How recent a take's last bytes (or its opening, before any byte) must be for it to count as recording now. */
export const liveTakeWindowMs = 20_000;

/**
 * The takes of an invitation being recorded right now through another candidate session than `sessionId` (another
 * device or browser): uploading with bytes in the last 20 s, or opened in that time and not yet uploading. Practice
 * takes are left out. Newest first.
 */
export async function listLiveTakesElsewhere(
  db: Db,
  options: { invitationId: string; sessionId: string; now: Date },
): Promise<TakesTable[]> {
  const since = new Date(options.now.getTime() - liveTakeWindowMs).toISOString();
  const rows = await db
    .selectFrom('takes')
    .selectAll()
    .where('invitation_id', '=', options.invitationId)
    .where('is_practice', '=', 0)
    .where('candidate_session_id', 'is not', null)
    .where('candidate_session_id', '!=', options.sessionId)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'uploading'), eb('last_bytes_at', '>=', since)]),
        eb.and([eb('status', '=', 'open'), eb('created_at', '>=', since)]),
      ]),
    )
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(takeWithNumbers);
}
