import type { CandidateLink } from '@oneway/shared';
import { isoNow } from '../../lib/time.ts';
import { createToken, hashToken } from '../../lib/tokens.ts';
import { getInvitationOrThrow } from './invitation-access.ts';
import { insertInvitationLinks } from './invitation-mail.repository.ts';
import { assertInvitationOpen } from './invitation-state.ts';
import type { InvitationRef, InvitationsContext } from './invitations.context.ts';

/** Links a recruiter hands over themselves (no mail server, or a candidate who lost the e-mail). */
export function createCandidateLinkFunctions(ctx: InvitationsContext) {
  const { db, clock, config, invitationEvents } = ctx;
  return {
    /**
     * A fresh working link to the candidate's interview, as a reminder e-mail carries: only its hash is kept, so
     * the link is shown this once, and the links already sent keep working. Recorded on the timeline.
     */
    async createCandidateLink(ref: InvitationRef & { userId: string }): Promise<CandidateLink> {
      const row = await getInvitationOrThrow(ctx, ref);
      assertInvitationOpen(row, clock.now());
      const token = createToken();
      await insertInvitationLinks(db, [
        {
          token_hash: hashToken(token),
          invitation_id: row.id,
          organisation_id: row.organisation_id,
          created_at: isoNow(clock),
        },
      ]);
      await invitationEvents.recordInvitationEvent({
        invitationId: row.id,
        organisationId: row.organisation_id,
        type: 'link_copied',
        actorUserId: ref.userId,
      });
      return { url: `${config.publicUrl}/i/${token}`, expiresAt: row.deadline_at };
    },
  };
}
