import type { Kysely } from 'kysely';

// organisation_email_templates: an organisation's own wording of each kind of e-mail, per language; an interview
// without its own wording for a kind uses it (else the built-in wording in the interview's language).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisation_email_templates')
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('organisation_email_templates_pk', ['organisation_id', 'language', 'kind'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('organisation_email_templates').execute();
}
