import { hasInvitationEmail } from './invitation-mail.repository.ts';
import type { InvitationsContext } from './invitations.context.ts';
import { findInvitation } from './invitations.repository.ts';

/** The e-mails that tell a candidate the team's decision. */
export function createOutcomeMailFunctions(ctx: InvitationsContext) {
  return {
    /**
     * E-mails the candidate the outcome of a decision (advance, hold or reject) in the interview's language and
     * wording, unless that outcome was e-mailed to them before. True when an e-mail was queued now.
     */
    async sendOutcomeEmail(options: {
      organisationId: string;
      invitationId: string;
      decision: 'advance' | 'hold' | 'reject';
    }): Promise<boolean> {
      const row = await findInvitation(ctx.db, options);
      if (!row) return false;
      const kind = `outcome_${options.decision}` as const;
      if (await hasInvitationEmail(ctx.db, { invitationId: row.id, kind })) return false;
      const scope = await ctx.mailer.loadMailScope({
        organisationId: options.organisationId,
        interviewId: row.interview_id,
      });
      await ctx.mailer.sendCandidateMail(scope, { invitation: row, kind });
      return true;
    },
  };
}
