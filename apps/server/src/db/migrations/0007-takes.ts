import type { Kysely } from 'kysely';

// Takes: each recording attempt, recorded before its upload starts so the takes limit is enforced by the server.
// Booleans are integers 0/1. bytes is bigint because MEDIA_MAX_BYTES may exceed 2 GiB; pg returns bigint as a
// string, so the repository reads it through Number().
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('takes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('is_practice', 'integer', (c) => c.notNull())
    .addColumn('take_number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('upload_id', 'text', (c) => c.unique())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('mime', 'text')
    .addColumn('bytes', 'bigint')
    .addColumn('sha256', 'text')
    .addColumn('counts_against_limit', 'integer', (c) => c.notNull())
    .addColumn('failure_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text')
    .addUniqueConstraint('takes_question_number_unique', ['invitation_id', 'question_id', 'take_number'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('takes').execute();
}
