import type { Db } from '../../db/database.ts';

/** One invitation with everything that decides when its data closes and whether it may be erased. */
export interface RetentionRow {
  id: string;
  organisation_id: string;
  interview_id: string;
  candidate_name: string;
  status: string;
  created_at: string;
  completed_at: string | null;
  withdrawn_at: string | null;
  deadline_at: string;
  archived_at: string | null;
  decided_at: string | null;
  hold_placed_at: string | null;
  request_confirmed_at: string | null;
  request_due_at: string | null;
  request_requested_at: string | null;
  request_token_hash: string | null;
  consent_withdrawn_at: string | null;
}

/** The invitations of an organisation (or of one of its interviews), oldest first. */
export async function listRetentionRows(
  db: Db,
  options: { organisationId: string; interviewId?: string; invitationId?: string },
): Promise<RetentionRow[]> {
  let query = db
    .selectFrom('invitations')
    .innerJoin('interviews', 'interviews.id', 'invitations.interview_id')
    .leftJoin('decisions', 'decisions.invitation_id', 'invitations.id')
    .leftJoin('legal_holds', 'legal_holds.invitation_id', 'invitations.id')
    .leftJoin('erasure_requests', 'erasure_requests.invitation_id', 'invitations.id')
    .select((eb) => [
      'invitations.id',
      'invitations.organisation_id',
      'invitations.interview_id',
      'invitations.candidate_name',
      'invitations.status',
      'invitations.created_at',
      'invitations.completed_at',
      'invitations.withdrawn_at',
      'invitations.deadline_at',
      'interviews.archived_at',
      'decisions.decided_at',
      'legal_holds.placed_at as hold_placed_at',
      'erasure_requests.confirmed_at as request_confirmed_at',
      'erasure_requests.due_at as request_due_at',
      'erasure_requests.requested_at as request_requested_at',
      'erasure_requests.token_hash as request_token_hash',
      eb
        .selectFrom('consents')
        .select((c) => c.fn.max('consents.withdrawn_at').as('w'))
        .whereRef('consents.invitation_id', '=', 'invitations.id')
        .as('consent_withdrawn_at'),
    ])
    .where('invitations.organisation_id', '=', options.organisationId);
  if (options.interviewId) query = query.where('invitations.interview_id', '=', options.interviewId);
  if (options.invitationId) query = query.where('invitations.id', '=', options.invitationId);
  return query.orderBy('invitations.created_at').orderBy('invitations.id').execute();
}

/** Organisations with candidates, for the daily job. */
export async function listOrganisationIdsWithInvitations(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('invitations').select('organisation_id').distinct().execute();
  return rows.map((r) => r.organisation_id);
}

/** How many candidates of the interview have been erased, for any reason. */
export async function countErasedCandidates(db: Db, interviewId: string): Promise<number> {
  const row = await db
    .selectFrom('candidate_erasures')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('interview_id', '=', interviewId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
