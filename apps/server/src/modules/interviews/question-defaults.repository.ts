import type { Db } from '../../db/database.ts';

/** The organisation's stored question defaults (JSON), or null while the built-in ones apply. */
export async function findQuestionDefaults(db: Db, organisationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('organisations')
    .select('question_defaults')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row?.question_defaults ?? null;
}

export async function saveQuestionDefaults(
  db: Db,
  options: { organisationId: string; json: string | null },
): Promise<void> {
  await db
    .updateTable('organisations')
    .set({ question_defaults: options.json })
    .where('id', '=', options.organisationId)
    .execute();
}
