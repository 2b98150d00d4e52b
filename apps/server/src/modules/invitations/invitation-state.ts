import { openInvitationStatuses } from '@oneway/shared';
import type { InvitationStatus } from '../../db/schema/invitations.ts';
import { AppError } from '../../errors.ts';
import type { InvitationRow } from './invitations.repository.ts';

type InvitationState = Pick<InvitationRow, 'status' | 'deadline_at'>;

export const isOpenStatus = (status: InvitationStatus): boolean =>
  (openInvitationStatuses as readonly string[]).includes(status);

/**
 * True once the deadline has passed for an invitation not completed or withdrawn, whether or not the expiry job
 * has run yet: the deadline is enforced from the moment it passes, not when a job gets round to it.
 */
export function isExpired(invitation: InvitationState, now: Date): boolean {
  if (invitation.status === 'expired') return true;
  return isOpenStatus(invitation.status) && Date.parse(invitation.deadline_at) <= now.getTime();
}

/**
 * Throws unless the candidate may still use the invitation: `invitation_expired` (410) after the deadline,
 * `invitation_withdrawn` (410) once withdrawn, `invitation_completed` (409) once submitted.
 */
export function assertInvitationOpen(invitation: InvitationState, now: Date): void {
  if (invitation.status === 'withdrawn') {
    throw new AppError('invitation_withdrawn', { message: 'This invitation has been withdrawn.' });
  }
  if (invitation.status === 'completed') {
    throw new AppError('invitation_completed', { message: 'This interview has already been completed.' });
  }
  if (isExpired(invitation, now)) {
    throw new AppError('invitation_expired', {
      message: 'The deadline for this interview has passed. Ask the employer for more time.',
      details: { deadline: invitation.deadline_at },
    });
  }
}

/** The status an expired invitation goes back to when its deadline moves: as far as the candidate had got. */
export function statusBeforeExpiry(
  invitation: Pick<InvitationRow, 'opened_at' | 'started_at'>,
): 'invited' | 'opened' | 'started' {
  if (invitation.started_at) return 'started';
  if (invitation.opened_at) return 'opened';
  return 'invited';
}

/** Why an employer's action cannot apply to the invitation now, or null when it can. */
export function describeClosedInvitation(invitation: InvitationState): string | null {
  if (invitation.status === 'withdrawn') return 'The invitation has been withdrawn';
  if (invitation.status === 'completed') return 'The candidate has completed the interview';
  return null;
}

/** Throws the candidate-facing code for a closed invitation, with a message meant for the employer. */
export function assertInvitationNotClosed(invitation: InvitationState): void {
  const reason = describeClosedInvitation(invitation);
  if (!reason) return;
  throw new AppError(invitation.status === 'withdrawn' ? 'invitation_withdrawn' : 'invitation_completed', {
    message: `${reason}, so it cannot be changed.`,
  });
}

/** Archived interviews take no new invitations and keep their e-mails as they are. */
export function assertInterviewActive(interview: { archivedAt: string | null }): void {
  if (interview.archivedAt !== null) {
    throw new AppError('interview_archived', {
      message: 'This interview is archived. Unarchive it to invite candidates or change its e-mails.',
    });
  }
}
