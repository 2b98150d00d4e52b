import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../../db/schema/index.ts';
import type { QuestionBankTable } from '../../db/schema/question-bank.ts';

/** A LIKE pattern that finds the text anywhere, with the pattern's own characters taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function createQueries(db: Kysely<Database>) {
  return {
    /**
     * The organisation's items, newest first. `search` is a normalised prompt fragment, found in the prompt key (or
     * the lower-case prompt of an item kept without one); `tag` keeps the items carrying it.
     */
    listBankQuestions(options: {
      organisationId: string;
      search?: string | undefined;
      tag?: string | undefined;
    }): Promise<QuestionBankTable[]> {
      let query = db
        .selectFrom('question_bank')
        .selectAll()
        .where('organisation_id', '=', options.organisationId);
      if (options.search) {
        const pattern = containsPattern(options.search);
        query = query.where(
          sql<boolean>`coalesce(prompt_key, lower(prompt_text)) like ${pattern} escape '\\'`,
        );
      }
      if (options.tag) {
        const tag = options.tag;
        query = query.where('id', 'in', (qb) =>
          qb.selectFrom('question_bank_tags').select('question_bank_id').where('tag', '=', tag),
        );
      }
      return query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    },

    /** Only the organisation's own items among the ids. */
    findBankQuestions(options: { organisationId: string; ids: string[] }): Promise<QuestionBankTable[]> {
      if (options.ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('question_bank')
        .selectAll()
        .where('organisation_id', '=', options.organisationId)
        .where('id', 'in', options.ids)
        .execute();
    },

    /** The organisation's item holding this prompt key, or copied from this starter question. */
    findConflictingBankQuestion(options: {
      organisationId: string;
      promptKey: string;
      starterQuestionId?: string | null | undefined;
      exceptId?: string | undefined;
    }): Promise<QuestionBankTable | undefined> {
      const { starterQuestionId, exceptId } = options;
      let query = db
        .selectFrom('question_bank')
        .selectAll()
        .where('organisation_id', '=', options.organisationId)
        .where((eb) =>
          starterQuestionId
            ? eb.or([
                eb('prompt_key', '=', options.promptKey),
                eb('starter_question_id', '=', starterQuestionId),
              ])
            : eb('prompt_key', '=', options.promptKey),
        );
      if (exceptId) query = query.where('id', '!=', exceptId);
      return query.orderBy('created_at').limit(1).executeTakeFirst();
    },

    /** The organisation's prompt keys and starter question ids, to mark starter questions already in the bank. */
    listBankKeys(organisationId: string) {
      return db
        .selectFrom('question_bank')
        .select(['id', 'prompt_key', 'starter_question_id'])
        .where('organisation_id', '=', organisationId)
        .execute();
    },

    /** The tags of the given items, by item id. */
    async listTagsOf(ids: string[]): Promise<Map<string, string[]>> {
      const byId = new Map<string, string[]>(ids.map((id) => [id, []]));
      if (ids.length === 0) return byId;
      const rows = await db
        .selectFrom('question_bank_tags')
        .select(['question_bank_id', 'tag'])
        .where('question_bank_id', 'in', ids)
        .orderBy('tag')
        .execute();
      for (const row of rows) byId.get(row.question_bank_id)?.push(row.tag);
      return byId;
    },

    /** Every tag used in the organisation's bank, in alphabetical order. */
    async listOrganisationTags(organisationId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('question_bank_tags')
        .innerJoin('question_bank', 'question_bank.id', 'question_bank_tags.question_bank_id')
        .select('question_bank_tags.tag')
        .distinct()
        .where('question_bank.organisation_id', '=', organisationId)
        .orderBy('question_bank_tags.tag')
        .execute();
      return rows.map((row) => row.tag);
    },

    async insertBankQuestion(row: Insertable<QuestionBankTable>): Promise<void> {
      await db.insertInto('question_bank').values(row).execute();
    },

    async updateBankQuestion(id: string, changes: Updateable<QuestionBankTable>): Promise<void> {
      await db.updateTable('question_bank').set(changes).where('id', '=', id).execute();
    },

    /** Replaces the item's tags with these. */
    async setTags(id: string, tags: string[]): Promise<void> {
      await db.deleteFrom('question_bank_tags').where('question_bank_id', '=', id).execute();
      if (tags.length === 0) return;
      await db
        .insertInto('question_bank_tags')
        .values(tags.map((tag) => ({ question_bank_id: id, tag })))
        .execute();
    },

    /** Deletes the item when it belongs to the organisation; returns whether one was deleted. */
    async deleteBankQuestion(options: { organisationId: string; id: string }): Promise<boolean> {
      const result = await db
        .deleteFrom('question_bank')
        .where('id', '=', options.id)
        .where('organisation_id', '=', options.organisationId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type QuestionBankRepository = ReturnType<typeof createQueries>;

export function createQuestionBankRepository(db: Kysely<Database>) {
  return {
    ...createQueries(db),
    /** Runs fn with the queries bound to one transaction. */
    transaction<T>(fn: (repo: QuestionBankRepository) => Promise<T>): Promise<T> {
      return db.transaction().execute((trx) => fn(createQueries(trx)));
    },
  };
}
