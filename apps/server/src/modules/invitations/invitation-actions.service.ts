import type { Accommodations, BulkInvitationAction, BulkInvitationResult, Invitation } from '@oneway/shared';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { createToken, hashToken } from '../../lib/tokens.ts';
import { checkDeadline } from './deadlines.ts';
import { announceInvitations, getInvitationOrThrow } from './invitation-access.ts';
import { createDeadlineFunctions } from './invitation-deadline.ts';
import { deleteInvitationLinks } from './invitation-mail.repository.ts';
import type { MailScope } from './invitation-mail.ts';
import { parseAccommodations, toInvitation } from './invitation-rows.ts';
import { assertInvitationNotClosed, describeClosedInvitation, isExpired } from './invitation-state.ts';
import type {
  InterviewRef,
  InvitationActor,
  InvitationRef,
  InvitationsContext,
} from './invitations.context.ts';
import {
  findInterviewInvitations,
  findInvitationById,
  updateInvitation,
  type InvitationRow,
} from './invitations.repository.ts';

export function createInvitationActionFunctions(ctx: InvitationsContext) {
  const { db, clock, interviews, invitationEvents, mailer } = ctx;
  const deadlines = createDeadlineFunctions(ctx);

  const reload = async (row: InvitationRow) => (await findInvitationById(db, row.id)) ?? row;

  async function withdraw(row: InvitationRow, actorUserId: string | null): Promise<string | null> {
    if (row.status === 'withdrawn') return 'Already withdrawn';
    if (row.status === 'completed') return 'The candidate has completed the interview';
    const changed = await updateInvitation(
      db,
      { invitationId: row.id, onlyIfStatus: [row.status] },
      { status: 'withdrawn', withdrawn_at: clock.now().toISOString() },
    );
    if (!changed) return 'The invitation changed meanwhile; try again';
    await invitationEvents.recordInvitationEvent({
      invitationId: row.id,
      organisationId: row.organisation_id,
      type: 'withdrawn',
      actorUserId,
      details: { previousStatus: row.status },
    });
    return null;
  }

  async function remind(
    scope: MailScope,
    row: InvitationRow,
    actorUserId: string | null,
  ): Promise<string | null> {
    const closed = describeClosedInvitation(row);
    if (closed) return closed;
    if (isExpired(row, clock.now())) return 'The deadline has passed; extend it first';
    await mailer.sendCandidateMail(scope, { invitation: row, kind: 'reminder' });
    await invitationEvents.recordInvitationEvent({
      invitationId: row.id,
      organisationId: row.organisation_id,
      type: 'reminded',
      actorUserId,
      details: { manual: true },
    });
    return null;
  }

  return {
    ...deadlines,

    /** E-mails a new link; the old link (and every link sent with reminders) stops working at once. */
    async resendInvitation(ref: InvitationRef & { userId: string }): Promise<Invitation> {
      const row = await getInvitationOrThrow(ctx, ref);
      assertInvitationNotClosed(row);
      if (isExpired(row, clock.now())) {
        throw new AppError('invitation_expired', {
          message: 'The deadline has passed. Extend it, and the candidate gets an e-mail with a link.',
        });
      }
      const token = createToken();
      await db.transaction().execute(async (trx) => {
        await updateInvitation(trx, { invitationId: row.id }, { token_hash: hashToken(token) });
        await deleteInvitationLinks(trx, row.id);
      });
      const updated = await reload(row);
      const scope = await mailer.loadMailScope({
        organisationId: ref.organisationId,
        interviewId: row.interview_id,
      });
      await announceInvitations(ctx, scope, [{ row: updated, token }], {
        actorUserId: ref.userId,
        resent: true,
      });
      return toInvitation(updated);
    },

    /** Ends the invitation: its link stops working and no reminder goes out. A completed one stays completed. */
    async withdrawInvitation(ref: InvitationRef & { userId: string }): Promise<Invitation> {
      const row = await getInvitationOrThrow(ctx, ref);
      if (row.status === 'completed') assertInvitationNotClosed(row);
      // Withdrawing twice is not an error: the invitation is withdrawn either way.
      await withdraw(row, ref.userId);
      return toInvitation(await reload(row));
    },

    /** Sets the candidate's accommodations; the timeline records what, never why. */
    async setInvitationAccommodations(
      ref: InvitationRef & { actor: InvitationActor; accommodations: Accommodations },
    ): Promise<Invitation> {
      const row = await getInvitationOrThrow(ctx, ref);
      assertInvitationNotClosed(row);
      const before = parseAccommodations(row.accommodations);
      const next = ref.accommodations;
      if (JSON.stringify(before) !== JSON.stringify(next)) {
        await updateInvitation(db, { invitationId: row.id }, { accommodations: JSON.stringify(next) });
        await invitationEvents.recordInvitationEvent({
          invitationId: row.id,
          organisationId: row.organisation_id,
          type: 'accommodations_changed',
          actorUserId: ref.actor.userId,
          details: {
            timeMultiplier: next.timeMultiplier,
            extraTakes: next.extraTakes,
            answerFormat: next.answerFormat,
          },
        });
      }
      return toInvitation(await reload(row));
    },

    /**
     * Reminds, extends or withdraws many invitations of one interview. Ids that are not the interview's refuse the
     * whole request (404, nothing changed); invitations the action cannot apply to are skipped with the reason.
     */
    async runBulkInvitationAction(
      options: InterviewRef & { userId: string; input: BulkInvitationAction },
    ): Promise<BulkInvitationResult> {
      const { input } = options;
      const interview = await interviews.getInterview(options);
      const ids = [...new Set(input.invitationIds)];
      const rows = await findInterviewInvitations(db, {
        ...options,
        interviewId: interview.id,
        invitationIds: ids,
      });
      if (rows.length !== ids.length) throw notFound('Invitation');
      if (input.action === 'extend') {
        const problem = checkDeadline(input.deadline, clock.now());
        if (problem) throw validationFailed([{ field: 'deadline', message: problem }]);
      }
      const byId = new Map(rows.map((r) => [r.id, r]));
      const scope = await mailer.loadMailScope(options, interview);
      const result: BulkInvitationResult = { updated: [], skipped: [] };
      for (const id of ids) {
        const row = byId.get(id) as InvitationRow;
        let reason: string | null;
        if (input.action === 'withdraw') reason = await withdraw(row, options.userId);
        else if (input.action === 'remind') reason = await remind(scope, row, options.userId);
        else reason = await deadlines.extendRow(scope, row, input.deadline, options.userId);
        if (reason) result.skipped.push({ id, reason });
        else result.updated.push(id);
      }
      return result;
    },
  };
}
