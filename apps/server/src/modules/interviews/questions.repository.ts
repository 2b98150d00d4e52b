import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema/index.ts';
import type { QuestionsTable } from '../../db/schema/questions.ts';

export type QuestionRow = QuestionsTable;

export function createQuestionsRepository(db: Kysely<Database>) {
  return {
    listQuestions(interviewId: string): Promise<QuestionRow[]> {
      return db
        .selectFrom('questions')
        .selectAll()
        .where('interview_id', '=', interviewId)
        .orderBy('position')
        .orderBy('created_at')
        .execute();
    },

    findQuestion(options: { interviewId: string; questionId: string }): Promise<QuestionRow | undefined> {
      return db
        .selectFrom('questions')
        .selectAll()
        .where('id', '=', options.questionId)
        .where('interview_id', '=', options.interviewId)
        .executeTakeFirst();
    },

    /** The question only when its interview belongs to the organisation. */
    findQuestionInOrganisation(options: {
      organisationId: string;
      questionId: string;
    }): Promise<QuestionRow | undefined> {
      return db
        .selectFrom('questions')
        .innerJoin('interviews', 'interviews.id', 'questions.interview_id')
        .selectAll('questions')
        .where('questions.id', '=', options.questionId)
        .where('interviews.organisation_id', '=', options.organisationId)
        .executeTakeFirst();
    },

    async countQuestions(interviewId: string): Promise<number> {
      const row = await db
        .selectFrom('questions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('interview_id', '=', interviewId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async insertQuestions(rows: Insertable<QuestionsTable>[]): Promise<void> {
      if (rows.length > 0) await db.insertInto('questions').values(rows).execute();
    },

    async updateQuestion(questionId: string, values: Updateable<QuestionsTable>): Promise<void> {
      await db.updateTable('questions').set(values).where('id', '=', questionId).execute();
    },

    async deleteQuestion(questionId: string): Promise<void> {
      await db.deleteFrom('questions').where('id', '=', questionId).execute();
    },
  };
}

export type QuestionsRepository = ReturnType<typeof createQuestionsRepository>;
