import type { InterviewSnapshot } from '@oneway/shared';
import { findInvitationById, findLandingContext } from '../candidate/candidate.repository.ts';
import { withYourDataFooter, yourDataUrlOf } from '../invitations/your-data-footer.ts';
import {
  buildAccommodationApprovedMail,
  buildAccommodationDeclinedMail,
  buildExtensionDeclinedMail,
  type RequestMailContext,
} from './invitation-request-mail.ts';
import type { InvitationRequestsContext } from './invitation-requests.service.ts';

const builders = {
  extension_declined: buildExtensionDeclinedMail,
  accommodation_declined: buildAccommodationDeclinedMail,
  accommodation_approved: buildAccommodationApprovedMail,
};

/**
 * Queues the note that tells a candidate what the employer decided, in the interview's language. An approved
 * extension needs none here: extending the deadline sends the 'deadline_extended' e-mail.
 */
export async function sendDecisionMail(
  ctx: InvitationRequestsContext,
  options: { invitationId: string; kind: keyof typeof builders; message?: string | undefined },
): Promise<void> {
  const invitation = await findInvitationById(ctx.db, options.invitationId);
  if (!invitation) return;
  const context = await findLandingContext(ctx.db, invitation);
  if (!context) return;
  const snapshot = JSON.parse(context.snapshot) as InterviewSnapshot;
  const mailContext: RequestMailContext = {
    language: snapshot.language,
    candidateName: invitation.candidate_name,
    companyName: context.companyName,
    interviewTitle: snapshot.title,
    deadline: invitation.deadline_at,
    timeZone: invitation.candidate_time_zone ?? context.deadlineTimeZone ?? 'UTC',
    deadlinePassed: ctx.invitations.isInvitationExpired(invitation),
    message: options.message,
  };
  const mail = withYourDataFooter(builders[options.kind](mailContext), {
    language: snapshot.language,
    companyName: context.companyName,
    url: yourDataUrlOf(ctx.config.publicUrl),
  });
  await ctx.mail.queueEmail({
    organisationId: invitation.organisation_id,
    to: invitation.candidate_email,
    subject: mail.subject,
    text: mail.text,
    aboutInvitationId: invitation.id,
  });
}
