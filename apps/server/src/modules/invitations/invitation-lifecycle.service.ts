import { jobNames, type InterviewSnapshot, type InvitationEventType } from '@oneway/shared';
import type { Updateable } from 'kysely';
import type { InvitationsTable, InvitationStatus } from '../../db/schema/invitations.ts';
import { AppError, notFound } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import { hashToken } from '../../lib/tokens.ts';
import {
  findInvitationEmail,
  hasInvitationEmail,
  markInvitationEmailDelivered,
} from './invitation-mail.repository.ts';
import { computeGraceUntil } from './invitation-grace.ts';
import { findGraceFacts } from './invitation-grace.repository.ts';
import { parseAccommodations } from './invitation-rows.ts';
import { expireDedupeKey, scheduleInvitationJobs } from './invitation-schedule.ts';
import { assertInvitationOpen, isExpired, isOpenStatus } from './invitation-state.ts';
import type { InvitationsContext } from './invitations.context.ts';
import {
  expireInvitationIfDue,
  findInvitationByAnyTokenHash,
  findInvitationById,
  findOpenInterviewInvitations,
  updateInvitation,
  type InvitationRow,
} from './invitations.repository.ts';

type GraceRow = Pick<
  InvitationRow,
  'id' | 'status' | 'deadline_at' | 'accommodations' | 'interview_version_id'
>;

/** The candidate side's view of the invitation lifecycle, and the jobs that move it on their own. */
export function createInvitationLifecycleFunctions(ctx: InvitationsContext) {
  const { db, clock, queue, interviews, invitationEvents, mailer } = ctx;

  async function loadOrThrow(invitationId: string): Promise<InvitationRow> {
    const row = await findInvitationById(db, invitationId);
    if (!row) throw notFound('Invitation');
    return row;
  }

  const record = (row: InvitationRow, type: InvitationEventType, details?: Record<string, unknown>) =>
    invitationEvents.recordInvitationEvent({
      invitationId: row.id,
      organisationId: row.organisation_id,
      type,
      ...(details ? { details } : {}),
    });

  /**
   * Moves the invitation on when it is in one of `from`, once: a repeat finds it moved already and does nothing.
   * `changed` says whether this call moved it.
   */
  async function transition(
    invitationId: string,
    from: InvitationStatus[],
    type: InvitationEventType,
    values: (row: InvitationRow, now: string) => Updateable<InvitationsTable>,
  ): Promise<{ row: InvitationRow; changed: boolean }> {
    const row = await loadOrThrow(invitationId);
    if (!from.includes(row.status)) return { row, changed: false };
    const now = isoNow(clock);
    const changed = await updateInvitation(
      db,
      { invitationId, onlyIfStatus: [row.status] },
      values(row, now),
    );
    if (changed) await record(row, type);
    return { row: await loadOrThrow(invitationId), changed };
  }

  const advance = async (...args: Parameters<typeof transition>): Promise<InvitationRow> =>
    (await transition(...args)).row;

  /** Until when an answer started before the deadline may still be submitted (see computeGraceUntil). */
  async function findGraceUntil(row: GraceRow): Promise<string | null> {
    const facts = await findGraceFacts(db, row);
    if (!facts.snapshot) return null;
    return computeGraceUntil({
      deadline: row.deadline_at,
      snapshot: JSON.parse(facts.snapshot) as InterviewSnapshot,
      accommodations: parseAccommodations(row.accommodations),
      takes: facts.takes,
      reveals: facts.reveals,
      mediaMaxSeconds: ctx.config.mediaMaxSeconds,
    });
  }

  /** Past the deadline and past any grace: nothing may be handed in any more. */
  async function isPastGrace(row: GraceRow): Promise<boolean> {
    const now = clock.now();
    if (!isExpired(row, now)) return false;
    if (row.status === 'expired') return true;
    const graceUntil = await findGraceUntil(row);
    return graceUntil === null || Date.parse(graceUntil) <= now.getTime();
  }

  /** Completes the invitation (refused once withdrawn); `changed` is false when it was completed already. */
  async function completeInvitation(invitationId: string): Promise<{ row: InvitationRow; changed: boolean }> {
    const current = await loadOrThrow(invitationId);
    if (current.status === 'withdrawn') {
      throw new AppError('invitation_withdrawn', { message: 'This invitation has been withdrawn.' });
    }
    return transition(invitationId, ['invited', 'opened', 'started', 'expired'], 'completed', (row, now) => ({
      status: 'completed',
      opened_at: row.opened_at ?? now,
      started_at: row.started_at ?? now,
      completed_at: now,
      expired_at: null,
      last_activity_at: now,
    }));
  }

  return {
    /** The invitation a link token opens (the invitation e-mail's or a later one's); undefined when none does. */
    findInvitationByToken: (token: string): Promise<InvitationRow | undefined> =>
      findInvitationByAnyTokenHash(db, hashToken(token)),

    /** True once the deadline has passed, even before the expiry job has marked the invitation. */
    isInvitationExpired: (invitation: Pick<InvitationRow, 'status' | 'deadline_at'>): boolean =>
      isExpired(invitation, clock.now()),

    /** Throws invitation_expired (410), invitation_withdrawn (410) or invitation_completed (409). */
    assertInvitationOpen: (invitation: Pick<InvitationRow, 'status' | 'deadline_at'>): void =>
      assertInvitationOpen(invitation, clock.now()),

    findGraceUntil,

    /** Past the deadline with no grace left (expired on every page); false while an answer's grace lasts. */
    isInvitationPastGrace: isPastGrace,

    /**
     * As assertInvitationOpen, but past the deadline only once the grace of an answer started before it is over:
     * for handing answers in (choosing a take, a written answer, submitting), never for starting anything new.
     */
    async assertInvitationOpenOrInGrace(invitation: GraceRow): Promise<void> {
      try {
        assertInvitationOpen(invitation, clock.now());
      } catch (err) {
        if (err instanceof AppError && err.code === 'invitation_expired' && !(await isPastGrace(invitation)))
          return;
        throw err;
      }
    },

    /** The candidate looked at the landing page. Idempotent. */
    markInvitationOpened: (options: { invitationId: string }) =>
      advance(options.invitationId, ['invited'], 'opened', (_row, now) => ({
        status: 'opened',
        opened_at: now,
        last_activity_at: now,
      })),

    /** The candidate started; refused after the deadline or once withdrawn or completed. Idempotent. */
    async markInvitationStarted(options: { invitationId: string }): Promise<InvitationRow> {
      const row = await loadOrThrow(options.invitationId);
      assertInvitationOpen(row, clock.now());
      return advance(options.invitationId, ['invited', 'opened'], 'started', (current, now) => ({
        status: 'started',
        opened_at: current.opened_at ?? now,
        started_at: now,
        last_activity_at: now,
      }));
    },

    /**
     * The candidate submitted. Allowed from any status but withdrawn (an upload finishing just after the deadline
     * still completes; whether to allow that is the candidate side's call). Idempotent.
     */
    async markInvitationCompleted(options: { invitationId: string }): Promise<InvitationRow> {
      return (await completeInvitation(options.invitationId)).row;
    },

    /**
     * The candidate's submit: completes the invitation, and says whether this call did (false when a submit sent
     * twice at once, or an earlier one, got there first), so only one of them sends the completion e-mails.
     */
    submitCompletion: (options: { invitationId: string }) => completeInvitation(options.invitationId),

    /** The confirmation to the candidate and the notice to the hiring team, once per invitation. */
    async sendCompletionEmails(options: { invitationId: string }): Promise<void> {
      const row = await loadOrThrow(options.invitationId);
      if (row.status !== 'completed') return;
      if (await hasInvitationEmail(db, { invitationId: row.id, kind: 'completion_candidate' })) return;
      const scope = await mailer.loadMailScope({
        organisationId: row.organisation_id,
        interviewId: row.interview_id,
      });
      await mailer.sendCandidateMail(scope, { invitation: row, kind: 'completion_candidate' });
      await mailer.sendTeamCompletionMail(scope, row);
    },

    /** The `invitation.expire` job: expires the invitation if its current deadline has passed. */
    async expireInvitationAtDeadline(payload: {
      invitationId: string;
      deadline: string;
      graceUntil?: string;
    }): Promise<void> {
      const row = await findInvitationById(db, payload.invitationId);
      if (!row || !isOpenStatus(row.status)) return;
      const now = clock.now();
      if (Date.parse(row.deadline_at) > now.getTime()) {
        // The deadline moved: the job queued for the new one will come. Same deadline: this job ran early (worker
        // clocks differ), so fail and let the queue try again later.
        if (row.deadline_at === payload.deadline) throw new Error('Ran before the deadline; will retry');
        return;
      }
      // An answer started before the deadline may still be handed in: expire when its grace is over.
      const graceUntil = await findGraceUntil(row);
      if (graceUntil && Date.parse(graceUntil) > now.getTime()) {
        if (payload.graceUntil === graceUntil) throw new Error('Ran before the grace ended; will retry');
        await queue.enqueue(
          jobNames.invitationExpire,
          { invitationId: row.id, deadline: row.deadline_at, graceUntil },
          {
            runAt: new Date(graceUntil),
            dedupeKey: `${expireDedupeKey(row.id, row.deadline_at)}/grace/${graceUntil}`,
          },
        );
        return;
      }
      if (await expireInvitationIfDue(db, { invitationId: row.id, now: now.toISOString() })) {
        await record(row, 'expired', { deadline: row.deadline_at });
      }
    },

    /** The `invitation.remind` job: reminds a candidate still to finish, unless the deadline has changed since. */
    async remindInvitationBeforeDeadline(payload: { invitationId: string; hours: number; deadline: string }) {
      const row = await findInvitationById(db, payload.invitationId);
      if (!row || !isOpenStatus(row.status) || row.deadline_at !== payload.deadline) return;
      if (isExpired(row, clock.now())) return;
      const events = await invitationEvents.listInvitationEvents({
        invitationId: row.id,
        organisationId: row.organisation_id,
      });
      const details = { hours: payload.hours, deadline: payload.deadline };
      const isSent = events.some(
        (e) =>
          e.type === 'reminded' &&
          e.details?.hours === details.hours &&
          e.details.deadline === details.deadline,
      );
      if (isSent) return;
      const scope = await mailer.loadMailScope({
        organisationId: row.organisation_id,
        interviewId: row.interview_id,
      });
      // The interview's reminder hours changed since this was queued, and this hour is no longer one of them.
      if (!scope.interview.reminderHours.includes(payload.hours)) return;
      await mailer.sendCandidateMail(scope, { invitation: row, kind: 'reminder' });
      await record(row, 'reminded', details);
    },

    /**
     * The `interview.reminders-reschedule` job: after the interview's reminder hours changed, queues the new hours'
     * reminders for every open invitation (dedupe keys make repeats harmless; removed hours are skipped when due).
     */
    async rescheduleInterviewReminders(ref: { organisationId: string; interviewId: string }): Promise<void> {
      const interview = await interviews.getInterview(ref);
      const open = await findOpenInterviewInvitations(db, ref);
      for (const invitation of open) {
        await scheduleInvitationJobs(queue, clock, {
          invitationId: invitation.id,
          deadline: invitation.deadline_at,
          reminderHours: interview.reminderHours,
        });
      }
    },

    /** Call when the mail server accepted an outbox message: an invitation e-mail's delivery joins its timeline. */
    async recordInvitationEmailDelivered(options: { messageId: string }): Promise<void> {
      const email = await markInvitationEmailDelivered(db, {
        messageId: options.messageId,
        at: isoNow(clock),
      });
      if (!email) return;
      await invitationEvents.recordInvitationEvent({
        invitationId: email.invitation_id,
        organisationId: email.organisation_id,
        type: 'delivered',
        details: { email: email.kind },
      });
    },

    /** Call when an outbox message failed for good. */
    async recordInvitationEmailFailed(options: { messageId: string }): Promise<void> {
      const email = await findInvitationEmail(db, options.messageId);
      if (!email) return;
      await invitationEvents.recordInvitationEvent({
        invitationId: email.invitation_id,
        organisationId: email.organisation_id,
        type: 'delivery_failed',
        details: { email: email.kind },
      });
    },
  };
}
