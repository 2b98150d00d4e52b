import type { InvitationRequestStatus } from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import type { InvitationRequestsTable } from '../../db/schema/invitation-requests.ts';

/** A request with what the employer needs to decide on it. */
export interface InvitationRequestRow extends InvitationRequestsTable {
  interview_id: string;
  interview_title: string;
  candidate_name: string;
  candidate_email: string;
  deadline_at: string;
  accommodations: string;
}

const baseQuery = (db: Db) =>
  db
    .selectFrom('invitation_requests as r')
    .innerJoin('invitations as i', 'i.id', 'r.invitation_id')
    .innerJoin('interviews as iv', 'iv.id', 'i.interview_id')
    .selectAll('r')
    .select([
      'i.interview_id',
      'iv.title as interview_title',
      'i.candidate_name',
      'i.candidate_email',
      'i.deadline_at',
      'i.accommodations',
    ]);

/** The organisation's requests, newest first; another organisation's are never returned. */
export function listInvitationRequests(
  db: Db,
  options: {
    organisationId: string;
    status?: InvitationRequestStatus;
    interviewId?: string;
    invitationId?: string;
  },
): Promise<InvitationRequestRow[]> {
  let query = baseQuery(db).where('r.organisation_id', '=', options.organisationId);
  if (options.status) query = query.where('r.status', '=', options.status);
  if (options.interviewId) query = query.where('i.interview_id', '=', options.interviewId);
  if (options.invitationId) query = query.where('r.invitation_id', '=', options.invitationId);
  return query.orderBy('r.created_at', 'desc').orderBy('r.id').limit(500).execute();
}

export function findInvitationRequest(
  db: Db,
  options: { organisationId: string; requestId: string },
): Promise<InvitationRequestRow | undefined> {
  return baseQuery(db)
    .where('r.organisation_id', '=', options.organisationId)
    .where('r.id', '=', options.requestId)
    .executeTakeFirst();
}

/** The invitation's requests as the candidate sees them, newest first. */
export function listRequestsOfInvitation(
  db: Db,
  options: { invitationId: string; status?: InvitationRequestStatus },
): Promise<InvitationRequestsTable[]> {
  let query = db
    .selectFrom('invitation_requests')
    .selectAll()
    .where('invitation_id', '=', options.invitationId);
  if (options.status) query = query.where('status', '=', options.status);
  return query.orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function insertInvitationRequest(db: Db, row: InvitationRequestsTable): Promise<void> {
  await db.insertInto('invitation_requests').values(row).execute();
}

/**
 * Records the decision only while the request is still pending; false when someone decided first. This is the
 * one place two people approving at once are told apart.
 */
export async function decideInvitationRequest(
  db: Db,
  options: {
    requestId: string;
    status: 'approved' | 'declined';
    decidedByUserId: string | null;
    decidedAt: string;
    outcome: string | null;
    autoApproved?: boolean;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('invitation_requests')
    .set({
      status: options.status,
      decided_by_user_id: options.decidedByUserId,
      decided_at: options.decidedAt,
      outcome: options.outcome,
      auto_approved: options.autoApproved ? 1 : 0,
    })
    .where('id', '=', options.requestId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function updateRequestOutcome(db: Db, requestId: string, outcome: string): Promise<void> {
  await db.updateTable('invitation_requests').set({ outcome }).where('id', '=', requestId).execute();
}

/** Puts a claimed request back to pending when applying the decision failed. */
export async function reopenInvitationRequest(db: Db, requestId: string): Promise<void> {
  await db
    .updateTable('invitation_requests')
    .set({ status: 'pending', decided_by_user_id: null, decided_at: null, outcome: null, auto_approved: 0 })
    .where('id', '=', requestId)
    .execute();
}

/** Touches the invitation so concurrent requests for it wait for each other (a row lock on PostgreSQL). */
export async function lockInvitation(db: Db, invitationId: string, now: string): Promise<void> {
  await db.updateTable('invitations').set({ last_activity_at: now }).where('id', '=', invitationId).execute();
}

export function findAutoExtensionRule(
  db: Db,
  interviewId: string,
): Promise<{ maxDays: number; maxTimes: number } | undefined> {
  return db
    .selectFrom('interviews')
    .select(['auto_extension_max_days as maxDays', 'auto_extension_max_times as maxTimes'])
    .where('id', '=', interviewId)
    .executeTakeFirst();
}

export async function findInterviewTitle(db: Db, interviewId: string): Promise<string> {
  const row = await db
    .selectFrom('interviews')
    .select('title')
    .where('id', '=', interviewId)
    .executeTakeFirst();
  return row?.title ?? 'an interview';
}

/** How many of the organisation's requests wait for a decision. */
export async function countPendingRequests(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('invitation_requests')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  // PostgreSQL counts are bigint, which pg returns as strings.
  return Number(row?.n ?? 0);
}
