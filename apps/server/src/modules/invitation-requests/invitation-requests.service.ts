import {
  accommodationsSchema,
  type Accommodations,
  type ApproveInvitationRequestInput,
  type CandidateRequest,
  type CandidateRequestInput,
  type DeclineInvitationRequestInput,
  type InvitationRequest,
  type ListInvitationRequestsQuery,
} from '@oneway/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { findInvitationById } from '../candidate/candidate.repository.ts';
import { parseAccommodations } from '../candidate/candidate-landing.ts';
import type { InvitationEventsService } from '../invitation-events/invitation-events.service.ts';
import type { MailService } from '../mail/mail.service.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { InvitationLifecycle } from './invitation-lifecycle.ts';
import { sendDecisionMail } from './decision-mail.ts';
import * as repo from './invitation-requests.repository.ts';
import {
  parseRequestedAccommodations,
  parseRequestedDays,
  toCandidateRequest,
  toInvitationRequest,
} from './invitation-request-rows.ts';
import { extendedDeadline, submitCandidateRequest } from './submit-request.ts';

export interface InvitationRequestsContext {
  db: Db;
  /** The public address, for links and the "Your data" line of the e-mails to candidates. */
  config: Config;
  clock: Clock;
  mail: MailService;
  teamNotices: Pick<NotificationsService, 'listRequestNoticeRecipients'>;
  invitationEvents: InvitationEventsService;
  invitations: InvitationLifecycle;
}

interface DecisionRef {
  organisationId: string;
  userId: string;
  requestId: string;
}

/** Candidates' requests for more time or accommodations, and the employer's decisions on them. */
export function createInvitationRequestsService(ctx: InvitationRequestsContext) {
  const { db, clock } = ctx;

  async function getRequestRowOrThrow(ref: DecisionRef): Promise<repo.InvitationRequestRow> {
    const row = await repo.findInvitationRequest(db, ref);
    if (!row) throw notFound('Request');
    if (row.status !== 'pending') {
      throw new AppError('request_decided', { message: 'This request has already been answered.' });
    }
    return row;
  }

  async function claim(ref: DecisionRef, status: 'approved' | 'declined', outcome: object): Promise<void> {
    const claimed = await repo.decideInvitationRequest(db, {
      requestId: ref.requestId,
      status,
      decidedByUserId: ref.userId,
      decidedAt: isoNow(clock),
      outcome: JSON.stringify(outcome),
    });
    if (!claimed)
      throw new AppError('request_decided', { message: 'This request has already been answered.' });
  }

  async function reload(ref: DecisionRef): Promise<InvitationRequest> {
    const row = await repo.findInvitationRequest(db, ref);
    if (!row) throw notFound('Request');
    return toInvitationRequest(row);
  }

  async function approveExtension(ref: DecisionRef, row: repo.InvitationRequestRow, deadline?: string) {
    const now = clock.now();
    const newDeadline = deadline
      ? new Date(deadline).toISOString()
      : extendedDeadline(row.deadline_at, now, parseRequestedDays(row) ?? 1);
    if (Date.parse(newDeadline) <= now.getTime()) {
      throw validationFailed([{ field: 'deadline', message: 'Choose a deadline in the future' }]);
    }
    await claim(ref, 'approved', { deadline: newDeadline });
    try {
      await ctx.invitations.extendInvitationDeadline({
        organisationId: ref.organisationId,
        invitationId: row.invitation_id,
        deadline: newDeadline,
        actor: { organisationId: ref.organisationId, userId: ref.userId },
      });
    } catch (err) {
      await repo.reopenInvitationRequest(db, row.id);
      throw err;
    }
  }

  async function approveAccommodation(
    ref: DecisionRef,
    row: repo.InvitationRequestRow,
    given?: Accommodations,
  ) {
    const accommodations =
      given ??
      accommodationsSchema.parse({
        ...parseAccommodations(row.accommodations),
        ...parseRequestedAccommodations(row),
      });
    await claim(ref, 'approved', { accommodations });
    try {
      await ctx.invitations.setInvitationAccommodations({
        organisationId: ref.organisationId,
        invitationId: row.invitation_id,
        accommodations,
        actor: { organisationId: ref.organisationId, userId: ref.userId },
      });
    } catch (err) {
      await repo.reopenInvitationRequest(db, row.id);
      throw err;
    }
    await sendDecisionMail(ctx, { invitationId: row.invitation_id, kind: 'accommodation_approved' });
  }

  return {
    /** Files a candidate's request for their own invitation (see submitCandidateRequest). */
    submitCandidateRequest: (options: { invitation: InvitationsTable; input: CandidateRequestInput }) =>
      submitCandidateRequest(ctx, options),

    /** How many of the organisation's requests wait for a decision (the count in the navigation). */
    countPendingRequests: (options: { organisationId: string }): Promise<number> =>
      repo.countPendingRequests(db, options.organisationId),

    /** The invitation's requests waiting for the employer, as its candidate sees them. */
    async listPendingRequestsOfInvitation(invitationId: string): Promise<CandidateRequest[]> {
      const rows = await repo.listRequestsOfInvitation(db, { invitationId, status: 'pending' });
      return rows.map(toCandidateRequest);
    },

    /** The organisation's requests, newest first, filtered by status and interview. */
    async listInvitationRequests(options: {
      organisationId: string;
      query: ListInvitationRequestsQuery;
    }): Promise<InvitationRequest[]> {
      const { status, interviewId } = options.query;
      const rows = await repo.listInvitationRequests(db, {
        organisationId: options.organisationId,
        ...(status === 'all' ? {} : { status }),
        ...(interviewId ? { interviewId } : {}),
      });
      return rows.map(toInvitationRequest);
    },

    /** Every request of one invitation of the organisation; another organisation's invitation is not found. */
    async listRequestsForInvitation(options: {
      organisationId: string;
      invitationId: string;
    }): Promise<InvitationRequest[]> {
      const invitation = await findInvitationById(db, options.invitationId);
      if (!invitation || invitation.organisation_id !== options.organisationId) throw notFound('Invitation');
      const rows = await repo.listInvitationRequests(db, options);
      return rows.map(toInvitationRequest);
    },

    /** Grants a pending request: a new deadline for an extension, accommodations for an accommodation. */
    async approveInvitationRequest(
      ref: DecisionRef & { input: ApproveInvitationRequestInput },
    ): Promise<InvitationRequest> {
      const row = await getRequestRowOrThrow(ref);
      const { deadline, accommodations } = ref.input;
      if (row.kind === 'extension') {
        if (accommodations) {
          throw validationFailed([
            { field: 'accommodations', message: 'An extension takes a deadline only' },
          ]);
        }
        await approveExtension(ref, row, deadline);
      } else {
        if (deadline) {
          throw validationFailed([
            { field: 'deadline', message: 'An accommodation takes accommodations only' },
          ]);
        }
        await approveAccommodation(ref, row, accommodations);
      }
      return reload(ref);
    },

    /** Declines a pending request and e-mails the candidate a short note, with the employer's message if any. */
    async declineInvitationRequest(
      ref: DecisionRef & { input: DeclineInvitationRequestInput },
    ): Promise<InvitationRequest> {
      const row = await getRequestRowOrThrow(ref);
      const message = ref.input.message ? ref.input.message : undefined;
      await claim(ref, 'declined', message ? { message } : {});
      await ctx.invitationEvents.recordInvitationEvent({
        invitationId: row.invitation_id,
        organisationId: ref.organisationId,
        type: row.kind === 'extension' ? 'extension_declined' : 'accommodation_declined',
        actorUserId: ref.userId,
      });
      await sendDecisionMail(ctx, {
        invitationId: row.invitation_id,
        kind: row.kind === 'extension' ? 'extension_declined' : 'accommodation_declined',
        message,
      });
      return reload(ref);
    },
  };
}

export type InvitationRequestsService = ReturnType<typeof createInvitationRequestsService>;
