import type { Role } from '@oneway/shared';
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ApiKeysTable } from '../../db/schema/api-keys.ts';

/** A key with its creator's name and the creator's current role here (null once they left). */
export type ApiKeyRow = Selectable<ApiKeysTable> & { creator_name: string; creator_role: Role | null };

function selectKeys(db: Db) {
  return db
    .selectFrom('api_keys')
    .innerJoin('users', 'users.id', 'api_keys.created_by_user_id')
    .leftJoin('memberships', (join) =>
      join
        .onRef('memberships.user_id', '=', 'api_keys.created_by_user_id')
        .onRef('memberships.organisation_id', '=', 'api_keys.organisation_id'),
    )
    .selectAll('api_keys')
    .select(['users.name as creator_name', 'memberships.role as creator_role']);
}

export async function insertApiKey(db: Db, key: Insertable<ApiKeysTable>): Promise<void> {
  await db.insertInto('api_keys').values(key).execute();
}

/** The organisation's keys, newest first, revoked ones included. */
export function listApiKeys(db: Db, organisationId: string): Promise<ApiKeyRow[]> {
  return selectKeys(db)
    .where('api_keys.organisation_id', '=', organisationId)
    .orderBy('api_keys.created_at', 'desc')
    .orderBy('api_keys.id')
    .execute();
}

export function findApiKey(
  db: Db,
  { organisationId, id }: { organisationId: string; id: string },
): Promise<ApiKeyRow | undefined> {
  return selectKeys(db)
    .where('api_keys.organisation_id', '=', organisationId)
    .where('api_keys.id', '=', id)
    .executeTakeFirst();
}

/** The unrevoked key with this hash, read fresh on every request so revoking applies at once. */
export function findUsableApiKeyByHash(db: Db, tokenHash: string): Promise<ApiKeyRow | undefined> {
  return selectKeys(db)
    .where('api_keys.token_hash', '=', tokenHash)
    .where('api_keys.revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Marks the key revoked unless it already is; false when nothing changed. */
export async function revokeApiKey(
  db: Db,
  { organisationId, id, revokedAt }: { organisationId: string; id: string; revokedAt: string },
): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: revokedAt })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function touchApiKey(
  db: Db,
  { id, lastUsedAt }: { id: string; lastUsedAt: string },
): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: lastUsedAt }).where('id', '=', id).execute();
}
