import { noAccommodations, type Accommodations, type Interview } from '@oneway/shared';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { newId } from '../../lib/tokens.ts';
import type { InvitationRef, InvitationsContext } from './invitations.context.ts';
import { findInvitation, type InvitationRow } from './invitations.repository.ts';
import type { MailScope } from './invitation-mail.ts';
import { scheduleInvitationJobs } from './invitation-schedule.ts';

/** The organisation's invitation; another organisation's is reported as not found. */
export async function getInvitationOrThrow(
  ctx: InvitationsContext,
  ref: InvitationRef,
): Promise<InvitationRow> {
  const row = await findInvitation(ctx.db, ref);
  if (!row) throw notFound('Invitation');
  return row;
}

export function invitationExists(email: string): AppError {
  return new AppError('invitation_exists', {
    message: `${email} is already invited to this interview.`,
    details: { fields: [{ field: 'email', message: 'Already invited to this interview' }] },
  });
}

/** Invitations need something to answer: a candidate given an interview without questions could do nothing. */
export function assertInterviewHasQuestions(interview: Interview): void {
  if (interview.questions.length === 0) {
    throw validationFailed([
      { field: 'questions', message: 'Add at least one question before inviting candidates' },
    ]);
  }
}

/** A new invitation row, status invited, its link token already hashed. */
export function buildInvitationRow(options: {
  organisationId: string;
  interviewId: string;
  versionId: string;
  userId: string | null;
  tokenHash: string;
  name: string;
  email: string;
  phone: string | null;
  externalId: string | null;
  deadline: string;
  accommodations?: Accommodations;
  now: string;
}): InvitationRow {
  return {
    id: newId(),
    organisation_id: options.organisationId,
    interview_id: options.interviewId,
    interview_version_id: options.versionId,
    candidate_name: options.name,
    candidate_email: options.email.toLowerCase(),
    candidate_phone: options.phone,
    external_id: options.externalId,
    token_hash: options.tokenHash,
    deadline_at: options.deadline,
    candidate_time_zone: null,
    status: 'invited',
    accommodations: JSON.stringify(options.accommodations ?? noAccommodations),
    extensions_granted: 0,
    created_by_user_id: options.userId,
    created_at: options.now,
    opened_at: null,
    started_at: null,
    completed_at: null,
    withdrawn_at: null,
    expired_at: null,
    last_activity_at: options.now,
  };
}

/**
 * After the invitations are stored: e-mails each candidate their link, schedules reminders and expiry, and puts
 * 'sent' on the timeline. Runs after the transaction, so a rolled-back import sends nothing.
 */
export async function announceInvitations(
  ctx: InvitationsContext,
  scope: MailScope,
  created: { row: InvitationRow; token: string }[],
  options: { actorUserId: string | null; resent?: boolean },
): Promise<void> {
  for (const { row, token } of created) {
    await ctx.mailer.sendCandidateMail(scope, { invitation: row, kind: 'invitation', token });
    await scheduleInvitationJobs(ctx.queue, ctx.clock, {
      invitationId: row.id,
      deadline: row.deadline_at,
      reminderHours: scope.interview.reminderHours,
    });
    await ctx.invitationEvents.recordInvitationEvent({
      invitationId: row.id,
      organisationId: row.organisation_id,
      type: 'sent',
      actorUserId: options.actorUserId,
      details: { deadline: row.deadline_at, ...(options.resent ? { resent: true } : {}) },
    });
  }
}
