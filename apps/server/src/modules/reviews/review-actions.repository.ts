import type { Db } from '../../db/database.ts';
import type { DecisionsTable } from '../../db/schema/decisions.ts';
import type { ReviewCommentsTable } from '../../db/schema/review-comments.ts';

export async function insertComment(db: Db, row: ReviewCommentsTable): Promise<void> {
  await db.insertInto('review_comments').values(row).execute();
}

/** The organisation's comment; another organisation's is not found. */
export function findComment(
  db: Db,
  options: { organisationId: string; commentId: string },
): Promise<ReviewCommentsTable | undefined> {
  return db
    .selectFrom('review_comments')
    .selectAll()
    .where('id', '=', options.commentId)
    .where('organisation_id', '=', options.organisationId)
    .executeTakeFirst();
}

export async function deleteComment(db: Db, commentId: string): Promise<void> {
  await db.deleteFrom('review_comments').where('id', '=', commentId).execute();
}

/** Sets the candidate's one current decision, replacing the one before. */
export async function upsertDecision(db: Db, row: DecisionsTable): Promise<void> {
  await db
    .insertInto('decisions')
    .values(row)
    .onConflict((oc) =>
      oc.column('invitation_id').doUpdateSet({
        decision: row.decision,
        note: row.note,
        decided_by_user_id: row.decided_by_user_id,
        decided_by_name: row.decided_by_name,
        decided_at: row.decided_at,
      }),
    )
    .execute();
}
