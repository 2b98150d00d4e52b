import type { Kysely } from 'kysely';

// organisations.question_defaults: the rules (JSON QuestionDefaults) a new question starts with in the editor;
// null until an owner or admin sets them, when the built-in ones apply.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('question_defaults', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisations').dropColumn('question_defaults').execute();
}
