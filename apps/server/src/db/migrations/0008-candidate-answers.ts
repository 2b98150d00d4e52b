import type { Kysely } from 'kysely';

// The candidate's way through an interview:
// - answers: the one answer each question has now, a saved take or a text; a take's answer goes with the take;
// - question_reveals: when the candidate first saw each prompt (its think time starts then), once per question;
// - continue_codes: the one-time code that moves a candidate to another device, stored hashed, one per invitation.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('take_id', 'text', (c) => c.references('takes.id').onDelete('cascade'))
    .addColumn('text', 'text')
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('answers_invitation_question_unique', ['invitation_id', 'question_id'])
    .execute();

  await db.schema
    .createTable('question_reveals')
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('revealed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('question_reveals_pk', ['invitation_id', 'question_id'])
    .execute();

  await db.schema
    .createTable('continue_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) =>
      c.notNull().unique().references('invitations.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('continue_codes').execute();
  await db.schema.dropTable('question_reveals').execute();
  await db.schema.dropTable('answers').execute();
}
