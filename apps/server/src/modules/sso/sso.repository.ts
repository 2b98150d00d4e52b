import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { OrganisationSsoTable } from '../../db/schema/organisation-sso.ts';
import type { SsoLoginsTable } from '../../db/schema/sso-logins.ts';

export type SsoSettingsRow = Selectable<OrganisationSsoTable>;
export type SsoLoginRow = Selectable<SsoLoginsTable>;

export function findSsoSettings(db: Db, organisationId: string): Promise<SsoSettingsRow | undefined> {
  return db
    .selectFrom('organisation_sso')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export async function upsertSsoSettings(db: Db, row: SsoSettingsRow): Promise<void> {
  await db
    .insertInto('organisation_sso')
    .values(row)
    .onConflict((conflict) =>
      conflict.column('organisation_id').doUpdateSet({
        enabled: row.enabled,
        issuer: row.issuer,
        client_id: row.client_id,
        client_secret: row.client_secret,
        allowed_domains: row.allowed_domains,
        default_role: row.default_role,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** True when some organisation has single sign-on enabled. */
export async function hasEnabledSso(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('organisation_sso')
    .select('organisation_id')
    .where('enabled', '=', 1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Organisations whose enabled single sign-on accepts addresses of `domain`, oldest first. */
export async function findSsoForDomain(db: Db, domain: string): Promise<SsoSettingsRow | undefined> {
  const rows = await db
    .selectFrom('organisation_sso')
    .selectAll()
    .where('enabled', '=', 1)
    .orderBy('created_at')
    .execute();
  return rows.find((r) => r.allowed_domains.split(',').includes(domain));
}

export async function insertSsoLogin(db: Db, row: SsoLoginRow): Promise<void> {
  await db.insertInto('sso_logins').values(row).execute();
}

/** Takes a login out (each callback is used once). */
export async function takeSsoLogin(db: Db, id: string): Promise<SsoLoginRow | undefined> {
  const row = await db.selectFrom('sso_logins').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const result = await db.deleteFrom('sso_logins').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1 ? row : undefined;
}

export function findSsoIdentity(db: Db, options: { organisationId: string; subject: string }) {
  return db
    .selectFrom('sso_identities')
    .select('user_id')
    .where('organisation_id', '=', options.organisationId)
    .where('subject', '=', options.subject)
    .executeTakeFirst();
}

export async function insertSsoIdentity(
  db: Db,
  row: { organisation_id: string; subject: string; user_id: string; created_at: string },
): Promise<void> {
  await db.insertInto('sso_identities').values(row).execute();
}
