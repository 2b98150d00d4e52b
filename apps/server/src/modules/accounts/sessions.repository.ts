import type { Role } from '@oneway/shared';
import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { SessionsTable } from '../../db/schema/sessions.ts';

export interface ActiveSessionRow {
  id: string;
  user_id: string;
  organisation_id: string;
  csrf_token: string;
  last_seen_at: string;
  expires_at: string;
  /** Null when the membership is gone: the session no longer grants anything. */
  role: Role | null;
  /** Set while the organisation is suspended: the session grants nothing either. */
  suspended_at: string | null;
}

export interface SessionInfoRow {
  csrf_token: string;
  role: Role;
  user_id: string;
  user_name: string;
  user_email: string;
  organisation_id: string;
  organisation_name: string;
  organisation_created_at: string;
}

export async function insertSession(db: Db, session: Insertable<SessionsTable>): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** The session with the caller's current role, read fresh on every request so role changes apply at once. */
export function findSessionWithRole(db: Db, id: string): Promise<ActiveSessionRow | undefined> {
  return db
    .selectFrom('sessions')
    .leftJoin('memberships', (join) =>
      join
        .onRef('memberships.user_id', '=', 'sessions.user_id')
        .onRef('memberships.organisation_id', '=', 'sessions.organisation_id'),
    )
    .leftJoin('organisations', 'organisations.id', 'sessions.organisation_id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.organisation_id',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'memberships.role',
      'organisations.suspended_at',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
}

export function findSessionInfo(db: Db, id: string): Promise<SessionInfoRow | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('organisations', 'organisations.id', 'sessions.organisation_id')
    .innerJoin('memberships', (join) =>
      join
        .onRef('memberships.user_id', '=', 'sessions.user_id')
        .onRef('memberships.organisation_id', '=', 'sessions.organisation_id'),
    )
    .select([
      'sessions.csrf_token',
      'memberships.role',
      'users.id as user_id',
      'users.name as user_name',
      'users.email as user_email',
      'organisations.id as organisation_id',
      'organisations.name as organisation_name',
      'organisations.created_at as organisation_created_at',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
}

export async function touchSession(
  db: Db,
  { id, lastSeenAt }: { id: string; lastSeenAt: string },
): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
}

/** When the session's person signed in, and when they last re-entered their password in it (or null). */
export function findSessionVerification(
  db: Db,
  id: string,
): Promise<{ created_at: string; verified_at: string | null } | undefined> {
  return db
    .selectFrom('sessions')
    .select(['created_at', 'verified_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function markSessionVerified(db: Db, { id, at }: { id: string; at: string }): Promise<void> {
  await db.updateTable('sessions').set({ verified_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/**
 * Ends the user's sessions everywhere, or only those in one organisation when it is given, or all but the one
 * in use (`exceptId`, a password change).
 */
export async function deleteSessionsOfUser(
  db: Db,
  { userId, organisationId, exceptId }: { userId: string; organisationId?: string; exceptId?: string },
): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (organisationId) query = query.where('organisation_id', '=', organisationId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  await query.execute();
}

/** Ends every session in an organisation (it is suspended). */
export async function deleteSessionsOfOrganisation(db: Db, organisationId: string): Promise<void> {
  await db.deleteFrom('sessions').where('organisation_id', '=', organisationId).execute();
}

/** Deletes sessions past their absolute expiry or idle for too long; returns how many. */
export async function deleteExpiredSessions(
  db: Db,
  { now, idleSince }: { now: string; idleSince: string },
): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
