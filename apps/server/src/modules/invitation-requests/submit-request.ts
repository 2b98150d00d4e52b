import type { CandidateRequest, CandidateRequestInput, RequestedAccommodations } from '@oneway/shared';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import { AppError } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';
import * as repo from './invitation-requests.repository.ts';
import { toCandidateRequest } from './invitation-request-rows.ts';
import { notifyRequestDeciders } from './request-notice.ts';
import type { InvitationRequestsContext } from './invitation-requests.service.ts';

const dayMs = 86_400_000;

/** The later of the deadline and now, plus `days`: an extension of a passed deadline still gives whole days. */
export function extendedDeadline(deadlineAt: string, now: Date, days: number): string {
  const base = Math.max(Date.parse(deadlineAt), now.getTime());
  return new Date(base + days * dayMs).toISOString();
}

/** Requests can be made until the interview is completed, and never once the invitation is withdrawn. */
export function assertInvitationTakesRequests(invitation: InvitationsTable): void {
  if (invitation.status === 'withdrawn') {
    throw new AppError('invitation_withdrawn', { message: 'This invitation has been withdrawn.' });
  }
  if (invitation.status === 'completed') {
    throw new AppError('invitation_completed', { message: 'This interview has already been completed.' });
  }
}

function requestedOf(input: CandidateRequestInput): string {
  if (input.kind === 'extension') return String(input.days);
  const asked: RequestedAccommodations = {};
  if (input.timeMultiplier !== undefined) asked.timeMultiplier = input.timeMultiplier;
  if (input.extraTakes !== undefined) asked.extraTakes = input.extraTakes;
  if (input.answerFormat !== undefined) asked.answerFormat = input.answerFormat;
  return JSON.stringify(asked);
}

/**
 * Files a candidate's request. Only one request of each kind waits at a time. An extension within the interview's
 * automatic-approval rule (at most maxDays, fewer than maxTimes extensions so far) is granted at once.
 */
export async function submitCandidateRequest(
  ctx: InvitationRequestsContext,
  options: { invitation: InvitationsTable; input: CandidateRequestInput },
): Promise<CandidateRequest> {
  const { db, clock, invitationEvents, invitations } = ctx;
  const { invitation, input } = options;
  assertInvitationTakesRequests(invitation);
  const now = isoNow(clock);
  const row = {
    id: newId(),
    invitation_id: invitation.id,
    organisation_id: invitation.organisation_id,
    kind: input.kind,
    reason: input.reason ? input.reason : null,
    requested: requestedOf(input),
    status: 'pending' as const,
    auto_approved: 0,
    decided_by_user_id: null,
    decided_at: null,
    outcome: null,
    created_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await repo.lockInvitation(trx, invitation.id, now);
    const pending = await repo.listRequestsOfInvitation(trx, {
      invitationId: invitation.id,
      status: 'pending',
    });
    if (pending.some((r) => r.kind === input.kind)) {
      throw new AppError('request_pending', {
        message: 'A request of this kind is already waiting for an answer from the employer.',
      });
    }
    await repo.insertInvitationRequest(trx, row);
  });
  const ref = { invitationId: invitation.id, organisationId: invitation.organisation_id };
  if (input.kind === 'accommodation') {
    // Reviewers may read the timeline, so it says only that a request was made, never what or why.
    await invitationEvents.recordInvitationEvent({ ...ref, type: 'accommodation_requested' });
    await notifyRequestDeciders(ctx, options);
    return toCandidateRequest(row);
  }
  await invitationEvents.recordInvitationEvent({
    ...ref,
    type: 'extension_requested',
    details: { days: input.days },
  });
  const rule = await repo.findAutoExtensionRule(db, invitation.interview_id);
  const allowed =
    rule !== undefined && input.days <= rule.maxDays && invitation.extensions_granted < rule.maxTimes;
  if (!allowed) {
    await notifyRequestDeciders(ctx, options);
    return toCandidateRequest(row);
  }

  const deadline = extendedDeadline(invitation.deadline_at, clock.now(), input.days);
  const outcome = JSON.stringify({ deadline });
  const claimed = await repo.decideInvitationRequest(db, {
    requestId: row.id,
    status: 'approved',
    decidedByUserId: null,
    decidedAt: isoNow(clock),
    outcome,
    autoApproved: true,
  });
  if (!claimed) return toCandidateRequest(row);
  try {
    await invitations.extendInvitationDeadline({
      ...ref,
      deadline,
      actor: { organisationId: invitation.organisation_id, userId: null },
    });
  } catch (err) {
    // Left pending, the employer still sees the request and can grant it by hand.
    await repo.reopenInvitationRequest(db, row.id);
    if (err instanceof AppError) {
      await notifyRequestDeciders(ctx, options);
      return toCandidateRequest(row);
    }
    throw err;
  }
  return toCandidateRequest({
    ...row,
    status: 'approved',
    auto_approved: 1,
    decided_at: isoNow(clock),
    outcome,
  });
}
