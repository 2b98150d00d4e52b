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

/** One part of a rater's ratings: a question's score (null takes it back) or the overall score. */
export type RatingPart =
  | { kind: 'question'; questionId: string; score: number | null; note: string | null }
  | { kind: 'overall'; overall: number | null };

/**
 * Saves one part of a rater's set, creating the set when it is their first score and removing it when nothing is
 * left in it. The set's row is written first, so two saves of one rater wait for each other (its lock) while
 * different raters never touch each other's rows.
 */
export async function saveRatingPart(db: Db, set: RatingSetsTable, part: RatingPart): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const overall = part.kind === 'overall' ? { overall: part.overall } : {};
    await trx
      .insertInto('rating_sets')
      .values({ ...set, overall: part.kind === 'overall' ? part.overall : null })
      .onConflict((oc) =>
        oc
          .columns(['invitation_id', 'rater_key'])
          .doUpdateSet({ rater_name: set.rater_name, updated_at: set.updated_at, ...overall }),
      )
      .execute();
    const saved = await trx
      .selectFrom('rating_sets')
      .select(['id', 'overall'])
      .where('invitation_id', '=', set.invitation_id)
      .where('rater_key', '=', set.rater_key)
      .executeTakeFirstOrThrow();
    if (part.kind === 'question') {
      if (part.score === null) {
        await trx
          .deleteFrom('question_ratings')
          .where('rating_set_id', '=', saved.id)
          .where('question_id', '=', part.questionId)
          .execute();
      } else {
        const { score, note } = { score: part.score, note: part.note };
        await trx
          .insertInto('question_ratings')
          .values({ rating_set_id: saved.id, question_id: part.questionId, score, note })
          .onConflict((oc) => oc.columns(['rating_set_id', 'question_id']).doUpdateSet({ score, note }))
          .execute();
      }
    }
    const left = await trx
      .selectFrom('question_ratings')
      .select('question_id')
      .where('rating_set_id', '=', saved.id)
      .limit(1)
      .execute();
    if (saved.overall === null && left.length === 0) {
      await trx.deleteFrom('rating_sets').where('id', '=', saved.id).execute();
    }
  });
}
