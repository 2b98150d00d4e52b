import type { Db } from '../../db/database.ts';

/** The interviews a member may review: every active one of the organisation, or (reviewers) those assigned. */
export function listReviewableInterviews(
  db: Db,
  options: { organisationId: string; assignedToUserId: string | null },
) {
  let query = db
    .selectFrom('interviews')
    .select(['id', 'title', 'anonymised_review'])
    .where('organisation_id', '=', options.organisationId)
    .where('archived_at', 'is', null);
  if (options.assignedToUserId !== null) {
    const userId = options.assignedToUserId;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('interview_reviewers').select('interview_id').where('user_id', '=', userId),
    );
  }
  return query.execute();
}

/** Every invitation of these interviews in invitation order (which numbers candidates), with its state. */
export function listInvitationsOf(db: Db, interviewIds: string[]) {
  if (interviewIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('invitations')
    .select(['id', 'interview_id', 'candidate_name', 'status', 'created_at', 'completed_at', 'deadline_at'])
    .where('interview_id', 'in', interviewIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** When each erased candidate of these interviews had been invited, for numbering the others. */
export function listErasedInvitationTimesOf(db: Db, interviewIds: string[]) {
  if (interviewIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('candidate_erasures')
    .select(['interview_id', 'invited_at'])
    .where('interview_id', 'in', interviewIds)
    .execute();
}

/** Which questions each completed invitation of these interviews answered. */
export function listCompletedAnswers(db: Db, interviewIds: string[]) {
  if (interviewIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('answers')
    .innerJoin('invitations', 'invitations.id', 'answers.invitation_id')
    .select(['answers.invitation_id', 'answers.question_id'])
    .where('invitations.interview_id', 'in', interviewIds)
    .where('invitations.status', '=', 'completed')
    .execute();
}

/** One rater's sets on these interviews: the overall score and which questions they scored. */
export async function listRaterScores(db: Db, options: { interviewIds: string[]; raterKey: string }) {
  if (options.interviewIds.length === 0) return [];
  const [sets, scores] = await Promise.all([
    db
      .selectFrom('rating_sets')
      .select(['id', 'invitation_id', 'overall'])
      .where('interview_id', 'in', options.interviewIds)
      .where('rater_key', '=', options.raterKey)
      .execute(),
    db
      .selectFrom('question_ratings')
      .innerJoin('rating_sets', 'rating_sets.id', 'question_ratings.rating_set_id')
      .select(['question_ratings.rating_set_id', 'question_ratings.question_id'])
      .where('rating_sets.interview_id', 'in', options.interviewIds)
      .where('rating_sets.rater_key', '=', options.raterKey)
      .execute(),
  ]);
  return sets.map((set) => ({
    invitationId: set.invitation_id,
    overall: set.overall,
    questionScores: scores
      .filter((s) => s.rating_set_id === set.id)
      .map((s) => ({ questionId: s.question_id })),
  }));
}
