import type { Role } from '@oneway/shared';
import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { MembershipsTable } from '../../db/schema/memberships.ts';

export interface MemberRow {
  user_id: string;
  name: string;
  email: string;
  role: Role;
  created_at: string;
}

type MemberKey = { organisationId: string; userId: string };

function selectMembers(db: Db, organisationId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.user_id',
      'users.name',
      'users.email',
      'memberships.role',
      'memberships.created_at',
    ])
    .where('memberships.organisation_id', '=', organisationId);
}

export async function insertMembership(db: Db, membership: Insertable<MembershipsTable>): Promise<void> {
  await db.insertInto('memberships').values(membership).execute();
}

export function listMembers(db: Db, organisationId: string): Promise<MemberRow[]> {
  return selectMembers(db, organisationId)
    .orderBy('memberships.created_at')
    .orderBy('memberships.user_id')
    .execute();
}

export function findMember(db: Db, { organisationId, userId }: MemberKey): Promise<MemberRow | undefined> {
  return selectMembers(db, organisationId).where('memberships.user_id', '=', userId).executeTakeFirst();
}

export function findMemberByEmail(
  db: Db,
  { organisationId, email }: { organisationId: string; email: string },
): Promise<MemberRow | undefined> {
  return selectMembers(db, organisationId).where('users.email', '=', email).executeTakeFirst();
}

/** The organisation a user signs in to when they belong to several: the one they joined first. */
export function findFirstMembershipOfUser(
  db: Db,
  userId: string,
): Promise<{ organisation_id: string; role: Role } | undefined> {
  return db
    .selectFrom('memberships')
    .select(['organisation_id', 'role'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('organisation_id')
    .executeTakeFirst();
}

/**
 * The organisation a sign-in opens: the one the user joined first among those not suspended, or (when every one
 * is) the first, marked suspended so the sign-in can say why it is refused.
 */
export async function findSignInMembership(
  db: Db,
  userId: string,
): Promise<{ organisation_id: string; role: Role; suspended: boolean } | undefined> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['memberships.organisation_id', 'memberships.role', 'organisations.suspended_at'])
    .where('memberships.user_id', '=', userId)
    .orderBy('memberships.created_at')
    .orderBy('memberships.organisation_id')
    .execute();
  const row = rows.find((r) => r.suspended_at === null) ?? rows[0];
  return (
    row && { organisation_id: row.organisation_id, role: row.role, suspended: row.suspended_at !== null }
  );
}

export async function countOwners(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  // pg returns count(*) as a string (bigint); SQLite as a number.
  return Number(row.count);
}

export async function updateMembershipRole(
  db: Db,
  { organisationId, userId, role }: MemberKey & { role: Role },
) {
  await db
    .updateTable('memberships')
    .set({ role })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteMembership(db: Db, { organisationId, userId }: MemberKey): Promise<void> {
  await db
    .deleteFrom('memberships')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
}
