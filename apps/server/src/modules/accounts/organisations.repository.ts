import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { OrganisationsTable } from '../../db/schema/organisations.ts';

export type OrganisationRow = Selectable<OrganisationsTable>;

export async function insertOrganisation(
  db: Db,
  organisation: Insertable<OrganisationsTable>,
): Promise<void> {
  await db.insertInto('organisations').values(organisation).execute();
}

export function findOrganisationById(db: Db, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateOrganisationName(
  db: Db,
  { id, name }: { id: string; name: string },
): Promise<void> {
  await db.updateTable('organisations').set({ name }).where('id', '=', id).execute();
}
