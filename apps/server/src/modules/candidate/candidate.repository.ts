import type { Db } from '../../db/database.ts';
import type { CandidateSessionsTable } from '../../db/schema/candidate-sessions.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';

/** What the landing page needs besides the invitation: the frozen interview and who to contact. */
export interface LandingContext {
  snapshot: string;
  deadlineMode: 'relative' | 'fixed';
  deadlineTimeZone: string | null;
  companyName: string;
  contactEmail: string | null;
  /** When the interview's logo last changed; null when it has none. */
  logoUpdatedAt: string | null;
}

export function findInvitationById(db: Db, invitationId: string): Promise<InvitationsTable | undefined> {
  return db.selectFrom('invitations').selectAll().where('id', '=', invitationId).executeTakeFirst();
}

export async function insertCandidateSession(db: Db, row: CandidateSessionsTable): Promise<void> {
  await db.insertInto('candidate_sessions').values(row).execute();
}

export function findCandidateSession(db: Db, id: string): Promise<CandidateSessionsTable | undefined> {
  return db.selectFrom('candidate_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteCandidateSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('candidate_sessions').where('id', '=', id).execute();
}

export async function updateCandidateSession(
  db: Db,
  id: string,
  changes: Partial<Pick<CandidateSessionsTable, 'last_seen_at' | 'expires_at'>>,
): Promise<void> {
  await db.updateTable('candidate_sessions').set(changes).where('id', '=', id).execute();
}

export async function updateCandidateTimeZone(db: Db, invitationId: string, timeZone: string): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ candidate_time_zone: timeZone })
    .where('id', '=', invitationId)
    .execute();
}

/**
 * The interview creator's e-mail while they are still a member of the organisation, otherwise the e-mail of the
 * organisation's longest-standing owner.
 */
async function findContactEmail(
  db: Db,
  organisationId: string,
  creatorUserId: string | null,
): Promise<string | null> {
  if (creatorUserId) {
    const creator = await db
      .selectFrom('users')
      .innerJoin('memberships', 'memberships.user_id', 'users.id')
      .select('users.email')
      .where('users.id', '=', creatorUserId)
      .where('memberships.organisation_id', '=', organisationId)
      .executeTakeFirst();
    if (creator) return creator.email;
  }
  const owner = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.email')
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.role', '=', 'owner')
    .orderBy('memberships.created_at')
    .orderBy('users.id')
    .executeTakeFirst();
  return owner?.email ?? null;
}

export async function findLandingContext(
  db: Db,
  invitation: InvitationsTable,
): Promise<LandingContext | undefined> {
  const row = await db
    .selectFrom('interview_versions')
    .innerJoin('interviews', 'interviews.id', 'interview_versions.interview_id')
    .innerJoin('organisations', 'organisations.id', 'interviews.organisation_id')
    .select([
      'interview_versions.snapshot',
      'interviews.deadline_mode',
      'interviews.deadline_time_zone',
      'interviews.created_by_user_id',
      'interviews.logo_key',
      'interviews.logo_updated_at',
      'organisations.name as companyName',
    ])
    .where('interview_versions.id', '=', invitation.interview_version_id)
    .where('interviews.organisation_id', '=', invitation.organisation_id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    snapshot: row.snapshot,
    deadlineMode: row.deadline_mode,
    deadlineTimeZone: row.deadline_time_zone,
    companyName: row.companyName,
    contactEmail: await findContactEmail(db, invitation.organisation_id, row.created_by_user_id),
    logoUpdatedAt: row.logo_key === null ? null : row.logo_updated_at,
  };
}

/** Deletes candidate sessions past their end; returns how many went. */
export async function deleteExpiredCandidateSessions(db: Db, options: { now: string }): Promise<number> {
  const result = await db
    .deleteFrom('candidate_sessions')
    .where('expires_at', '<', options.now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
