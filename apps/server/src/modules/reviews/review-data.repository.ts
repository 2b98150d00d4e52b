import type { InterviewSnapshot, Rubric } from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import type { DecisionsTable } from '../../db/schema/decisions.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import type { ReviewCommentsTable } from '../../db/schema/review-comments.ts';
import type { TakeMediaStatusValue } from '../../db/schema/take-media.ts';

export type CandidateRow = Pick<
  InvitationsTable,
  | 'id'
  | 'candidate_name'
  | 'candidate_email'
  | 'candidate_phone'
  | 'external_id'
  | 'status'
  | 'completed_at'
  | 'created_at'
  | 'accommodations'
  | 'interview_version_id'
>;

/** Every invitation of the interview in invitation order, which gives each its stable candidate number. */
export function listInterviewCandidates(
  db: Db,
  options: { organisationId: string; interviewId: string },
): Promise<CandidateRow[]> {
  return db
    .selectFrom('invitations')
    .select([
      'id',
      'candidate_name',
      'candidate_email',
      'candidate_phone',
      'external_id',
      'status',
      'completed_at',
      'created_at',
      'accommodations',
      'interview_version_id',
    ])
    .where('organisation_id', '=', options.organisationId)
    .where('interview_id', '=', options.interviewId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** When each erased candidate of the interview had been invited (their erasure records keep only that). */
export async function listErasedInvitationTimes(db: Db, interviewId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('candidate_erasures')
    .select('invited_at')
    .where('interview_id', '=', interviewId)
    .execute();
  return rows.map((r) => r.invited_at);
}

/** The questions each invitation of the interview has an answer for. */
export async function listAnsweredQuestionIds(db: Db, interviewId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('answers')
    .innerJoin('invitations', 'invitations.id', 'answers.invitation_id')
    .select(['answers.invitation_id', 'answers.question_id'])
    .where('invitations.interview_id', '=', interviewId)
    .execute();
  const answered = new Map<string, string[]>();
  for (const row of rows)
    answered.set(row.invitation_id, [...(answered.get(row.invitation_id) ?? []), row.question_id]);
  return answered;
}

/** The interview's frozen versions by id. */
export async function listVersionSnapshots(
  db: Db,
  interviewId: string,
): Promise<Map<string, InterviewSnapshot>> {
  const rows = await db
    .selectFrom('interview_versions')
    .select(['id', 'snapshot'])
    .where('interview_id', '=', interviewId)
    .execute();
  return new Map(rows.map((r) => [r.id, JSON.parse(r.snapshot) as InterviewSnapshot]));
}

/**
 * Rubrics by question id. Versions freeze what candidates see, which has no rubric, so the rubric is the
 * question's current one; a question deleted since has none.
 */
export async function listQuestionRubrics(db: Db, interviewId: string): Promise<Map<string, Rubric | null>> {
  const rows = await db
    .selectFrom('questions')
    .select(['id', 'rubric'])
    .where('interview_id', '=', interviewId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.rubric === null ? null : (JSON.parse(r.rubric) as Rubric)]));
}

/** The current question order of the interview (for CSV columns). */
export function listInterviewQuestions(db: Db, interviewId: string) {
  return db
    .selectFrom('questions')
    .select(['id', 'prompt_text', 'position'])
    .where('interview_id', '=', interviewId)
    .orderBy('position')
    .execute();
}

export interface AnswerWithMedia {
  invitation_id: string;
  question_id: string;
  kind: 'take' | 'text';
  take_id: string | null;
  text: string | null;
  media_status: TakeMediaStatusValue | null;
  duration_ms: number | null;
  playback_mime: string | null;
  poster_key: string | null;
}

/** The chosen answers of these invitations, with where processing of each take stands. */
export async function listAnswersWithMedia(db: Db, invitationIds: string[]): Promise<AnswerWithMedia[]> {
  if (invitationIds.length === 0) return [];
  return db
    .selectFrom('answers')
    .leftJoin('take_media', 'take_media.take_id', 'answers.take_id')
    .select([
      'answers.invitation_id',
      'answers.question_id',
      'answers.kind',
      'answers.take_id',
      'answers.text',
      'take_media.status as media_status',
      'take_media.duration_ms',
      'take_media.playback_mime',
      'take_media.poster_key',
    ])
    .where('answers.invitation_id', 'in', invitationIds)
    .execute();
}

export function listDecisions(db: Db, filter: { interviewId: string }): Promise<DecisionsTable[]> {
  return db.selectFrom('decisions').selectAll().where('interview_id', '=', filter.interviewId).execute();
}

export function findDecision(db: Db, invitationId: string): Promise<DecisionsTable | undefined> {
  return db.selectFrom('decisions').selectAll().where('invitation_id', '=', invitationId).executeTakeFirst();
}

export function listComments(db: Db, invitationId: string): Promise<ReviewCommentsTable[]> {
  return db
    .selectFrom('review_comments')
    .selectAll()
    .where('invitation_id', '=', invitationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findUserName(db: Db, userId: string): Promise<string> {
  const row = await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst();
  return row?.name ?? 'A former member';
}

export async function findVersionSnapshot(db: Db, versionId: string): Promise<InterviewSnapshot> {
  const row = await db
    .selectFrom('interview_versions')
    .select('snapshot')
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.snapshot) as InterviewSnapshot;
}
