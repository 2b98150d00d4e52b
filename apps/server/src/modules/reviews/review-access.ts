import type { Db } from '../../db/database.ts';
import type { InterviewsTable } from '../../db/schema/interviews.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import { AppError, notFound } from '../../errors.ts';
import { findInterviewRow, findInvitationRow, isReviewerAssigned } from './review-access.repository.ts';
import type { ReviewViewer } from './review-viewer.ts';

export const notAssigned = (): AppError =>
  new AppError('forbidden', {
    message:
      'You are not assigned to review this interview. Ask an owner or admin of your organisation to add you.',
  });

/**
 * The interview when the viewer may review it: any of the organisation's interviews for owners, admins and
 * recruiters; only assigned ones for reviewers (403 otherwise); only the link's interview for a guest. Another
 * organisation's interview is not found (404).
 */
export async function getReviewableInterview(
  db: Db,
  viewer: ReviewViewer,
  interviewId: string,
): Promise<InterviewsTable> {
  const interview = await findInterviewRow(db, { organisationId: viewer.organisationId, interviewId });
  if (!interview || (viewer.kind === 'guest' && viewer.interviewId !== interview.id))
    throw notFound('Interview');
  if (viewer.kind === 'member' && viewer.role === 'reviewer') {
    if (!(await isReviewerAssigned(db, { interviewId, userId: viewer.userId }))) throw notAssigned();
  }
  return interview;
}

/** The invitation and its interview when the viewer may review it; for a guest only the link's candidates. */
export async function getReviewableInvitation(
  db: Db,
  viewer: ReviewViewer,
  invitationId: string,
): Promise<{ invitation: InvitationsTable; interview: InterviewsTable }> {
  const invitation = await findInvitationRow(db, { organisationId: viewer.organisationId, invitationId });
  if (!invitation || (viewer.kind === 'guest' && !viewer.invitationIds.includes(invitation.id))) {
    throw notFound('Invitation');
  }
  const interview = await getReviewableInterview(db, viewer, invitation.interview_id);
  return { invitation, interview };
}

/** Ratings, comments and decisions are about submitted answers only. */
export function assertCompleted(invitation: InvitationsTable): void {
  if (invitation.status !== 'completed') {
    throw new AppError('invitation_not_completed', {
      message: `This candidate has not completed the interview (status: ${invitation.status}), so there is nothing to rate or decide yet.`,
    });
  }
}
