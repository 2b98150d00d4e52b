import type { Invitation } from '@oneway/shared';
import { AppError, validationFailed } from '../../errors.ts';
import { checkDeadline } from './deadlines.ts';
import { getInvitationOrThrow } from './invitation-access.ts';
import type { MailScope } from './invitation-mail.ts';
import { toInvitation } from './invitation-rows.ts';
import { scheduleInvitationJobs } from './invitation-schedule.ts';
import { describeClosedInvitation, statusBeforeExpiry } from './invitation-state.ts';
import type { InvitationActor, InvitationRef, InvitationsContext } from './invitations.context.ts';
import { findInvitationById, updateInvitation, type InvitationRow } from './invitations.repository.ts';

const notLaterMessage = 'Choose a deadline later than the current one';

export function createDeadlineFunctions(ctx: InvitationsContext) {
  const { db, clock, queue, invitationEvents, mailer } = ctx;

  /**
   * Moves one invitation's deadline later (the caller has checked the new one is in the future): an expired
   * invitation goes back to how far the candidate had got, reminders and expiry are scheduled for the new deadline,
   * and the candidate is e-mailed. Returns why it was skipped, or null once extended.
   */
  async function extendRow(
    scope: MailScope,
    row: InvitationRow,
    deadline: string,
    actorUserId: string | null,
  ): Promise<string | null> {
    const closed = describeClosedInvitation(row);
    if (closed) return closed;
    const newDeadline = new Date(deadline).toISOString();
    if (Date.parse(newDeadline) <= Date.parse(row.deadline_at))
      return `${notLaterMessage} (${row.deadline_at})`;
    const status = row.status === 'expired' ? statusBeforeExpiry(row) : row.status;
    const changed = await updateInvitation(
      db,
      { invitationId: row.id, onlyIfStatus: [row.status], onlyIfDeadline: row.deadline_at },
      { deadline_at: newDeadline, status, expired_at: null, extensions_granted: row.extensions_granted + 1 },
    );
    if (!changed) return 'The invitation changed meanwhile; try again';
    const updated = (await findInvitationById(db, row.id)) ?? row;
    await scheduleInvitationJobs(queue, clock, {
      invitationId: row.id,
      deadline: newDeadline,
      reminderHours: scope.interview.reminderHours,
    });
    await mailer.sendCandidateMail(scope, { invitation: updated, kind: 'deadline_extended' });
    await invitationEvents.recordInvitationEvent({
      invitationId: row.id,
      organisationId: row.organisation_id,
      type: 'extended',
      actorUserId,
      details: { previousDeadline: row.deadline_at, deadline: newDeadline },
    });
    return null;
  }

  return {
    extendRow,

    /**
     * Gives one invitation a later deadline, e-mails the candidate and reschedules reminders and expiry; an expired
     * invitation opens again. Also for approving a candidate's extension request (actor.userId null when automatic).
     * Counts in extensions_granted either way.
     */
    async extendInvitationDeadline(
      ref: InvitationRef & { actor: InvitationActor; deadline: string },
    ): Promise<Invitation> {
      const row = await getInvitationOrThrow(ctx, ref);
      const problem = checkDeadline(ref.deadline, clock.now());
      if (problem) throw validationFailed([{ field: 'deadline', message: problem }]);
      const scope = await mailer.loadMailScope({
        organisationId: ref.organisationId,
        interviewId: row.interview_id,
      });
      const reason = await extendRow(scope, row, ref.deadline, ref.actor.userId);
      if (reason) {
        const closed = describeClosedInvitation(row);
        if (closed) {
          throw new AppError(row.status === 'withdrawn' ? 'invitation_withdrawn' : 'invitation_completed', {
            message: `${closed}, so its deadline cannot change.`,
          });
        }
        throw validationFailed([{ field: 'deadline', message: reason }]);
      }
      return toInvitation((await findInvitationById(db, row.id)) ?? row);
    },
  };
}
