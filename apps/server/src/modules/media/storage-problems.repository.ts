import type { Db } from '../../db/database.ts';
import type { StorageProblemsTable } from '../../db/schema/storage-problems.ts';

/** The organisation's storage problem still going on (not resolved), if any. */
export function findOpenStorageProblem(
  db: Db,
  organisationId: string,
): Promise<StorageProblemsTable | undefined> {
  return db
    .selectFrom('storage_problems')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('resolved_at', 'is', null)
    .orderBy('started_at', 'desc')
    .executeTakeFirst();
}

export async function insertStorageProblem(db: Db, row: StorageProblemsTable): Promise<void> {
  await db.insertInto('storage_problems').values(row).execute();
}

/** More failed requests of a problem still going on. */
export async function addStorageFailures(
  db: Db,
  options: { id: string; count: number; at: string; kind: StorageProblemsTable['kind']; lastError: string },
): Promise<void> {
  await db
    .updateTable('storage_problems')
    .set((eb) => ({
      failed_requests: eb('failed_requests', '+', options.count),
      last_failed_at: options.at,
      kind: options.kind,
      last_error: options.lastError,
    }))
    .where('id', '=', options.id)
    .execute();
}

/** Uploads of the organisation work again: its open problem ends. */
export async function resolveStorageProblems(
  db: Db,
  options: { organisationId: string; at: string },
): Promise<void> {
  await db
    .updateTable('storage_problems')
    .set({ resolved_at: options.at })
    .where('organisation_id', '=', options.organisationId)
    .where('resolved_at', 'is', null)
    .execute();
}

/** When the organisation's admins were last e-mailed about storage, if ever. */
export async function findLastStorageAlert(db: Db, organisationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('storage_problems')
    .select((eb) => eb.fn.max('alerted_at').as('last'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row?.last ?? null;
}

export async function markStorageProblemAlerted(db: Db, options: { id: string; at: string }): Promise<void> {
  await db
    .updateTable('storage_problems')
    .set({ alerted_at: options.at })
    .where('id', '=', options.id)
    .execute();
}

/** The organisation's problems still going on or seen since `since`, the latest first. */
export function listRecentStorageProblems(
  db: Db,
  options: { organisationId: string; since: string; limit: number },
): Promise<StorageProblemsTable[]> {
  return db
    .selectFrom('storage_problems')
    .selectAll()
    .where('organisation_id', '=', options.organisationId)
    .where((eb) => eb.or([eb('resolved_at', 'is', null), eb('last_failed_at', '>=', options.since)]))
    .orderBy('last_failed_at', 'desc')
    .limit(options.limit)
    .execute();
}

/** The e-mail addresses of the organisation's owners and admins. */
export async function listAdminEmails(
  db: Db,
  organisationId: string,
): Promise<{ email: string; name: string }[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.email', 'users.name'])
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.role', 'in', ['owner', 'admin'])
    .orderBy('users.email')
    .execute();
}

export async function findOrganisationName(db: Db, organisationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row?.name ?? null;
}
