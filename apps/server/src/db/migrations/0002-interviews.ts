import type { Kysely } from 'kysely';

// Settings that queries filter on are columns; the rest is JSON text (no dialect-only JSON types).
// Booleans are integers 0/1 so both dialects read them the same way.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('interviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('role_title', 'text', (c) => c.notNull())
    .addColumn('intro_text', 'text', (c) => c.notNull())
    .addColumn('instructions', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('accent_colour', 'text')
    .addColumn('deadline_mode', 'text', (c) => c.notNull())
    .addColumn('deadline_days', 'integer')
    .addColumn('deadline_at', 'text')
    .addColumn('deadline_time_zone', 'text')
    .addColumn('reminder_hours', 'text', (c) => c.notNull())
    .addColumn('practice_question', 'text', (c) => c.notNull())
    .addColumn('auto_extension_max_days', 'integer', (c) => c.notNull())
    .addColumn('auto_extension_max_times', 'integer', (c) => c.notNull())
    .addColumn('ratings_hidden_until_rated', 'integer', (c) => c.notNull())
    .addColumn('anonymised_review', 'integer', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interviews_org_idx')
    .on('interviews')
    .columns(['organisation_id', 'archived_at'])
    .execute();

  await db.schema
    .createTable('questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('prompt_text', 'text', (c) => c.notNull())
    .addColumn('answer_type', 'text', (c) => c.notNull())
    .addColumn('think_mode', 'text', (c) => c.notNull())
    .addColumn('think_seconds', 'integer')
    .addColumn('answer_seconds', 'integer')
    .addColumn('text_max_chars', 'integer')
    .addColumn('takes', 'integer', (c) => c.notNull())
    .addColumn('start_mode', 'text', (c) => c.notNull())
    .addColumn('rubric', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('questions_interview_idx')
    .on('questions')
    .columns(['interview_id', 'position'])
    .execute();

  await db.schema
    .createTable('interview_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('snapshot_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('interview_versions_number_uq', ['interview_id', 'version'])
    .execute();

  await db.schema
    .createTable('question_bank')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('prompt_text', 'text', (c) => c.notNull())
    .addColumn('answer_type', 'text', (c) => c.notNull())
    .addColumn('think_mode', 'text', (c) => c.notNull())
    .addColumn('think_seconds', 'integer')
    .addColumn('answer_seconds', 'integer')
    .addColumn('text_max_chars', 'integer')
    .addColumn('takes', 'integer', (c) => c.notNull())
    .addColumn('start_mode', 'text', (c) => c.notNull())
    .addColumn('rubric', 'text')
    .addColumn('created_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('question_bank_org_idx')
    .on('question_bank')
    .column('organisation_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['question_bank', 'interview_versions', 'questions', 'interviews']) {
    await db.schema.dropTable(table).execute();
  }
}
