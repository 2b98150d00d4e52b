import type { Kysely } from 'kysely';

// Nothing lost under faults (issue 12):
// - takes.candidate_session_id: the candidate session (its hash, as stored) that opened the take, so a second device
//   of the same invitation can see a recording in progress elsewhere and take over from it cleanly.
// - takes.last_bytes_at: when bytes of the take's upload last arrived (written at most every ~10 s per upload), which
//   is what "recording right now" means for that check.
// - storage_problems: failures of media storage (disk full, read-only, I/O errors, S3 unavailable) seen while
//   candidates uploaded, per organisation, for the Processing page and the admins' e-mail alert.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('takes').addColumn('candidate_session_id', 'text').execute();
  await db.schema.alterTable('takes').addColumn('last_bytes_at', 'text').execute();

  await db.schema
    .createTable('storage_problems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .addColumn('failed_requests', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('alerted_at', 'text')
    .execute();
  await db.schema
    .createIndex('storage_problems_organisation_idx')
    .on('storage_problems')
    .columns(['organisation_id', 'last_failed_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('storage_problems').execute();
  await db.schema.alterTable('takes').dropColumn('last_bytes_at').execute();
  await db.schema.alterTable('takes').dropColumn('candidate_session_id').execute();
}
