import type { Kysely } from 'kysely';

// A candidate's consent to recording: the exact notice text shown is kept with its version and SHA-256, so what
// they agreed to can be shown later word for word, with when, from which address and in which browser.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('notice_version', 'text', (c) => c.notNull())
    .addColumn('notice_hash', 'text', (c) => c.notNull())
    .addColumn('notice_text', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consents_invitation_idx').on('consents').column('invitation_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('consents').execute();
}
