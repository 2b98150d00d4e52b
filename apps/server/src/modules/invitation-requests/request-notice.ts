import type { CandidateRequestInput } from '@oneway/shared';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import { findInterviewTitle } from './invitation-requests.repository.ts';
import type { InvitationRequestsContext } from './invitation-requests.service.ts';

/** What was asked for, in a few words; never the reason, which may be private (it is on the requests page). */
function describeAsk(input: CandidateRequestInput): string {
  if (input.kind === 'extension') return `${input.days} more ${input.days === 1 ? 'day' : 'days'}`;
  return 'an accommodation';
}

/**
 * E-mails the people who can decide a candidate's request (owners, admins and recruiters who have not turned
 * these e-mails off) with a link to the requests page. The reason stays out of the e-mail: it may be medical.
 */
export async function notifyRequestDeciders(
  ctx: InvitationRequestsContext,
  options: { invitation: InvitationsTable; input: CandidateRequestInput },
): Promise<void> {
  const { invitation, input } = options;
  const recipients = await ctx.teamNotices.listRequestNoticeRecipients({
    organisationId: invitation.organisation_id,
  });
  if (recipients.length === 0) return;
  const title = await findInterviewTitle(ctx.db, invitation.interview_id);
  const ask = describeAsk(input);
  const subject = `${invitation.candidate_name} asked for ${ask}: ${title}`;
  const text =
    `Hello,\n\n${invitation.candidate_name} asked for ${ask} in the interview ${title}. ` +
    `Approve or decline it on the requests page:\n\n${ctx.config.publicUrl}/requests\n\n` +
    'Any reason they gave is on that page. You get these e-mails because you decide candidate requests; ' +
    'you can turn them off in your notification settings.';
  for (const to of recipients) {
    await ctx.mail.queueEmail({ organisationId: invitation.organisation_id, to, subject, text });
  }
}
