import type { Db } from '../../db/database.ts';
import { findInvitationSnapshot, takeWithNumbers } from '../../db/shared-queries.ts';
import type { AnswersTable } from '../../db/schema/answers.ts';
import type { InvitationStatus } from '../../db/schema/invitations.ts';
import type { QuestionRevealsTable } from '../../db/schema/question-reveals.ts';
import type { TakeMediaStatusValue } from '../../db/schema/take-media.ts';
import type { TakesTable } from '../../db/schema/takes.ts';

export { findInvitationSnapshot };

/** A take with what processing made of it: media_* are null before its take_media row exists. */
export interface QuestionTake extends TakesTable {
  media_status: TakeMediaStatusValue | null;
  media_duration_ms: number | null;
}

/**
 * Every take of the invitation's real questions (practice left out), by question and take number, with its
 * processed media's status and length (one query).
 */
export async function listQuestionTakes(db: Db, invitationId: string): Promise<QuestionTake[]> {
  const rows = await db
    .selectFrom('takes')
    .leftJoin('take_media', 'take_media.take_id', 'takes.id')
    .selectAll('takes')
    .select(['take_media.status as media_status', 'take_media.duration_ms as media_duration_ms'])
    .where('takes.invitation_id', '=', invitationId)
    .where('takes.is_practice', '=', 0)
    .orderBy('takes.question_id')
    .orderBy('takes.take_number')
    .execute();
  return rows.map((row) => ({ ...row, ...takeWithNumbers(row) }));
}

export async function findTakeOfInvitation(
  db: Db,
  options: { takeId: string; invitationId: string },
): Promise<TakesTable | undefined> {
  const row = await db
    .selectFrom('takes')
    .selectAll()
    .where('id', '=', options.takeId)
    .where('invitation_id', '=', options.invitationId)
    .executeTakeFirst();
  return row && takeWithNumbers(row);
}

export function listAnswers(db: Db, invitationId: string): Promise<AnswersTable[]> {
  return db.selectFrom('answers').selectAll().where('invitation_id', '=', invitationId).execute();
}

/** The question's answer with the take number when it is a take (to tell which take is newer). */
export function findAnswer(
  db: Db,
  options: { invitationId: string; questionId: string },
): Promise<(AnswersTable & { take_number: number | null }) | undefined> {
  return db
    .selectFrom('answers')
    .leftJoin('takes', 'takes.id', 'answers.take_id')
    .selectAll('answers')
    .select('takes.take_number')
    .where('answers.invitation_id', '=', options.invitationId)
    .where('answers.question_id', '=', options.questionId)
    .executeTakeFirst();
}

/** Sets the question's one answer, replacing whatever it had. */
export async function upsertAnswer(db: Db, row: AnswersTable): Promise<void> {
  await db
    .insertInto('answers')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['invitation_id', 'question_id'])
        .doUpdateSet({ kind: row.kind, take_id: row.take_id, text: row.text, saved_at: row.saved_at }),
    )
    .execute();
}

export function listReveals(db: Db, invitationId: string): Promise<QuestionRevealsTable[]> {
  return db.selectFrom('question_reveals').selectAll().where('invitation_id', '=', invitationId).execute();
}

/** When the candidate first saw the question's prompt, or undefined when they have not yet. */
export async function findRevealedAt(
  db: Db,
  ref: { invitationId: string; questionId: string },
): Promise<string | undefined> {
  const row = await db
    .selectFrom('question_reveals')
    .select('revealed_at')
    .where('invitation_id', '=', ref.invitationId)
    .where('question_id', '=', ref.questionId)
    .executeTakeFirst();
  return row?.revealed_at;
}

/**
 * Records the first reveal of a question and returns when that was; a second call (or a racing one) keeps the
 * first time.
 */
export async function insertRevealOnce(db: Db, row: QuestionRevealsTable): Promise<string> {
  await db
    .insertInto('question_reveals')
    .values(row)
    .onConflict((oc) => oc.columns(['invitation_id', 'question_id']).doNothing())
    .execute();
  const first = await findRevealedAt(db, { invitationId: row.invitation_id, questionId: row.question_id });
  if (first === undefined) throw new Error(`The reveal of question ${row.question_id} was not stored.`);
  return first;
}

export async function findInvitationStatus(
  db: Db,
  invitationId: string,
): Promise<InvitationStatus | undefined> {
  const row = await db
    .selectFrom('invitations')
    .select('status')
    .where('id', '=', invitationId)
    .executeTakeFirst();
  return row?.status;
}
