import { sql, type Kysely } from 'kysely';

// The prompt as the bank compares it, frozen here as it was when this migration was written (the service's copy
// is normaliseBankPrompt in @oneway/shared).
const normalise = (prompt: string) => prompt.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

// question_bank.prompt_key: the normalised prompt; one per organisation, so the bank holds no duplicates.
// An organisation that saved the same prompt twice before this keeps both items: the oldest gets the key, the
// others null until they are edited (the search reads lower(prompt_text) for them).
// question_bank.starter_question_id: the starter library question an item was copied from ("sales-01.es"), once
// per organisation. question_bank_tags: an item's tags, lower case.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('question_bank').addColumn('prompt_key', 'text').execute();
  await db.schema.alterTable('question_bank').addColumn('starter_question_id', 'text').execute();
  await db.schema.alterTable('question_bank').addColumn('updated_at', 'text').execute();

  const rows = await db
    .selectFrom('question_bank' as never)
    .select([
      sql<string>`id`.as('id'),
      sql<string>`organisation_id`.as('org'),
      sql<string>`prompt_text`.as('prompt'),
    ])
    .orderBy(sql`created_at`)
    .orderBy(sql`id`)
    .execute();
  const seen = new Set<string>();
  for (const row of rows) {
    const key = normalise(row.prompt);
    const scoped = `${row.org}\n${key}`;
    if (seen.has(scoped)) continue;
    seen.add(scoped);
    await db
      .updateTable('question_bank' as never)
      .set({ prompt_key: key } as never)
      .where(sql`id`, '=', row.id)
      .execute();
  }

  await db.schema
    .createIndex('question_bank_prompt_key_uniq')
    .on('question_bank')
    .columns(['organisation_id', 'prompt_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('question_bank_starter_uniq')
    .on('question_bank')
    .columns(['organisation_id', 'starter_question_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('question_bank_tags')
    .addColumn('question_bank_id', 'text', (c) =>
      c.notNull().references('question_bank.id').onDelete('cascade'),
    )
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('question_bank_tags_pk', ['question_bank_id', 'tag'])
    .execute();
  await db.schema.createIndex('question_bank_tags_tag_idx').on('question_bank_tags').column('tag').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('question_bank_tags').execute();
  await db.schema.dropIndex('question_bank_starter_uniq').execute();
  await db.schema.dropIndex('question_bank_prompt_key_uniq').execute();
  for (const column of ['updated_at', 'starter_question_id', 'prompt_key']) {
    await db.schema.alterTable('question_bank').dropColumn(column).execute();
  }
}
