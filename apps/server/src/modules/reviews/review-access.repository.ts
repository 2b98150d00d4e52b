import type { Db } from '../../db/database.ts';
import type { InterviewsTable } from '../../db/schema/interviews.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';

/** The organisation's interview; another organisation's is not found. */
export function findInterviewRow(
  db: Db,
  options: { organisationId: string; interviewId: string },
): Promise<InterviewsTable | undefined> {
  return db
    .selectFrom('interviews')
    .selectAll()
    .where('id', '=', options.interviewId)
    .where('organisation_id', '=', options.organisationId)
    .executeTakeFirst();
}

/** The organisation's invitation; another organisation's is not found. */
export function findInvitationRow(
  db: Db,
  options: { organisationId: string; invitationId: string },
): Promise<InvitationsTable | undefined> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('id', '=', options.invitationId)
    .where('organisation_id', '=', options.organisationId)
    .executeTakeFirst();
}

export async function isReviewerAssigned(
  db: Db,
  options: { interviewId: string; userId: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('interview_reviewers')
    .select('user_id')
    .where('interview_id', '=', options.interviewId)
    .where('user_id', '=', options.userId)
    .executeTakeFirst();
  return row !== undefined;
}
