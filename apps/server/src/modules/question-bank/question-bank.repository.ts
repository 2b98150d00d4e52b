import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema/index.ts';
import type { QuestionBankTable } from '../../db/schema/question-bank.ts';

export function createQuestionBankRepository(db: Kysely<Database>) {
  return {
    listBankQuestions(organisationId: string): Promise<QuestionBankTable[]> {
      return db
        .selectFrom('question_bank')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
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

    async insertBankQuestion(row: Insertable<QuestionBankTable>): Promise<void> {
      await db.insertInto('question_bank').values(row).execute();
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
