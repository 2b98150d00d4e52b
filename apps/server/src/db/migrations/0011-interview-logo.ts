import type { Kysely } from 'kysely';

// Branding: an interview's logo lives in media storage; the row keeps where, its type and when it last changed
// (the change time versions the logo's address so browsers fetch a replaced logo). One column per statement:
// SQLite adds or drops a single column per ALTER TABLE.
const columns = ['logo_key', 'logo_mime', 'logo_updated_at'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of columns) {
    await db.schema.alterTable('interviews').addColumn(column, 'text').execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of [...columns].reverse()) {
    await db.schema.alterTable('interviews').dropColumn(column).execute();
  }
}
