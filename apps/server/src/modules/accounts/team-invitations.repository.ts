import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { TeamInvitationsTable } from '../../db/schema/team-invitations.ts';

export type TeamInvitationRow = Selectable<TeamInvitationsTable>;
export type TeamInvitationWithInviter = TeamInvitationRow & { invited_by_name: string };
export type TeamInvitationWithOrganisation = TeamInvitationRow & { organisation_name: string };

type InvitationKey = { organisationId: string; id: string };

function selectWithInviter(db: Db, organisationId: string) {
  return db
    .selectFrom('team_invitations')
    .innerJoin('users', 'users.id', 'team_invitations.invited_by_user_id')
    .selectAll('team_invitations')
    .select('users.name as invited_by_name')
    .where('team_invitations.organisation_id', '=', organisationId);
}

export async function insertTeamInvitation(
  db: Db,
  invitation: Insertable<TeamInvitationsTable>,
): Promise<void> {
  await db.insertInto('team_invitations').values(invitation).execute();
}

/** Invitations neither accepted nor revoked; expired ones included so they can be sent again. */
export function listOpenTeamInvitations(
  db: Db,
  organisationId: string,
): Promise<TeamInvitationWithInviter[]> {
  return selectWithInviter(db, organisationId)
    .where('team_invitations.accepted_at', 'is', null)
    .where('team_invitations.revoked_at', 'is', null)
    .orderBy('team_invitations.created_at', 'desc')
    .orderBy('team_invitations.id')
    .execute();
}

export function findOpenTeamInvitation(
  db: Db,
  { organisationId, id }: InvitationKey,
): Promise<TeamInvitationWithInviter | undefined> {
  return selectWithInviter(db, organisationId)
    .where('team_invitations.id', '=', id)
    .where('team_invitations.accepted_at', 'is', null)
    .where('team_invitations.revoked_at', 'is', null)
    .executeTakeFirst();
}

export function findTeamInvitationByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<TeamInvitationWithOrganisation | undefined> {
  return db
    .selectFrom('team_invitations')
    .innerJoin('organisations', 'organisations.id', 'team_invitations.organisation_id')
    .selectAll('team_invitations')
    .select('organisations.name as organisation_name')
    .where('team_invitations.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Revokes the open invitations of one e-mail address in an organisation (a new one replaces them). */
export async function revokeOpenTeamInvitationsFor(
  db: Db,
  { organisationId, email, revokedAt }: { organisationId: string; email: string; revokedAt: string },
): Promise<void> {
  await db
    .updateTable('team_invitations')
    .set({ revoked_at: revokedAt })
    .where('organisation_id', '=', organisationId)
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeTeamInvitation(
  db: Db,
  { organisationId, id, revokedAt }: InvitationKey & { revokedAt: string },
): Promise<boolean> {
  const result = await db
    .updateTable('team_invitations')
    .set({ revoked_at: revokedAt })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function renewTeamInvitationToken(
  db: Db,
  { organisationId, id, tokenHash, expiresAt }: InvitationKey & { tokenHash: string; expiresAt: string },
): Promise<void> {
  await db
    .updateTable('team_invitations')
    .set({ token_hash: tokenHash, expires_at: expiresAt })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

/** Marks an open invitation accepted; false when someone used or revoked it first. */
export async function acceptTeamInvitationRow(
  db: Db,
  { id, acceptedAt }: { id: string; acceptedAt: string },
): Promise<boolean> {
  const result = await db
    .updateTable('team_invitations')
    .set({ accepted_at: acceptedAt })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
