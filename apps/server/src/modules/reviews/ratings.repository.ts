import type { Db } from '../../db/database.ts';
import type { RatingSetsTable } from '../../db/schema/rating-sets.ts';
import type { RatingSetData } from './review-scores.ts';

type SetsFilter = { interviewId: string } | { invitationId: string };

/** The rating sets of an interview or of one candidate, each with its question scores. */
export async function listRatingSets(db: Db, filter: SetsFilter): Promise<RatingSetData[]> {
  const column = 'interviewId' in filter ? 'interview_id' : 'invitation_id';
  const value = 'interviewId' in filter ? filter.interviewId : filter.invitationId;
  const sets = await db
    .selectFrom('rating_sets')
    .selectAll()
    .where(column, '=', value)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const scores = await db
    .selectFrom('question_ratings')
    .innerJoin('rating_sets', 'rating_sets.id', 'question_ratings.rating_set_id')
    .select([
      'question_ratings.rating_set_id',
      'question_ratings.question_id',
      'question_ratings.score',
      'question_ratings.note',
    ])
    .where(`rating_sets.${column}`, '=', value)
    .execute();
  return sets.map((set) => ({
    id: set.id,
    invitationId: set.invitation_id,
    raterKey: set.rater_key,
    raterUserId: set.rater_user_id,
    shareLinkId: set.share_link_id,
    raterName: set.rater_name,
    overall: set.overall,
    updatedAt: set.updated_at,
    questionScores: scores
      .filter((s) => s.rating_set_id === set.id)
      .map((s) => ({ questionId: s.question_id, score: s.score, note: s.note })),
  }));
}

/**
 * Stores a rater's ratings of a candidate in one transaction, replacing their earlier set: the set row is kept
 * (one per rater and candidate, enforced by a unique key) and its question scores are replaced whole.
 */
export async function saveRatingSet(
  db: Db,
  set: RatingSetsTable,
  questionScores: { questionId: string; score: number; note: string | null }[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('rating_sets')
      .values(set)
      .onConflict((oc) =>
        oc.columns(['invitation_id', 'rater_key']).doUpdateSet({
          overall: set.overall,
          rater_name: set.rater_name,
          updated_at: set.updated_at,
        }),
      )
      .execute();
    const { id } = await trx
      .selectFrom('rating_sets')
      .select('id')
      .where('invitation_id', '=', set.invitation_id)
      .where('rater_key', '=', set.rater_key)
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('question_ratings').where('rating_set_id', '=', id).execute();
    if (questionScores.length > 0) {
      await trx
        .insertInto('question_ratings')
        .values(
          questionScores.map((q) => ({
            rating_set_id: id,
            question_id: q.questionId,
            score: q.score,
            note: q.note,
          })),
        )
        .execute();
    }
  });
}

/** Withdraws a rater's ratings of a candidate (their question scores go with the set). */
export async function deleteRatingSet(
  db: Db,
  options: { invitationId: string; raterKey: string },
): Promise<void> {
  await db
    .deleteFrom('rating_sets')
    .where('invitation_id', '=', options.invitationId)
    .where('rater_key', '=', options.raterKey)
    .execute();
}
