import type { BankQuestion, Question, QuestionSettings } from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import type { QuestionBankTable } from '../../db/schema/question-bank.ts';
import { notFound } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';
import type { InterviewsService } from '../interviews/interviews.service.ts';
import {
  fromQuestionSettingsColumns,
  pickQuestionSettings,
  toQuestionSettingsColumns,
} from '../interviews/question-settings.ts';
import { createQuestionBankRepository } from './question-bank.repository.ts';

function toBankQuestion(row: QuestionBankTable): BankQuestion {
  return { id: row.id, ...fromQuestionSettingsColumns(row), createdAt: row.created_at };
}

/** Questions an organisation keeps to reuse; adding one to an interview copies it. */
export function createQuestionBankService(deps: { db: Db; clock: Clock; interviews: InterviewsService }) {
  const repo = createQuestionBankRepository(deps.db);
  const { clock, interviews } = deps;

  return {
    async listBankQuestions(options: { organisationId: string }): Promise<BankQuestion[]> {
      return (await repo.listBankQuestions(options.organisationId)).map(toBankQuestion);
    },

    /** Saves a copy of one of the organisation's interview questions (questionId) or a new question. */
    async saveBankQuestion(options: {
      organisationId: string;
      userId: string;
      input: { questionId?: string | undefined; question?: QuestionSettings | undefined };
    }): Promise<BankQuestion> {
      const { organisationId, input } = options;
      const settings = input.questionId
        ? pickQuestionSettings(await interviews.getQuestion({ organisationId, questionId: input.questionId }))
        : input.question;
      if (!settings) throw notFound('Question');
      const row: QuestionBankTable = {
        id: newId(),
        organisation_id: organisationId,
        ...toQuestionSettingsColumns(settings),
        created_by_user_id: options.userId,
        created_at: isoNow(clock),
      };
      await repo.insertBankQuestion(row);
      return toBankQuestion(row);
    },

    async deleteBankQuestion(options: { organisationId: string; bankQuestionId: string }): Promise<void> {
      const deleted = await repo.deleteBankQuestion({
        organisationId: options.organisationId,
        id: options.bankQuestionId,
      });
      if (!deleted) throw notFound('Question bank item');
    },

    /** Copies bank items, in the order given, to the end of an interview; later bank edits do not follow. */
    async addBankQuestionsToInterview(options: {
      organisationId: string;
      interviewId: string;
      bankQuestionIds: string[];
    }): Promise<Question[]> {
      const rows = await repo.findBankQuestions({
        organisationId: options.organisationId,
        ids: options.bankQuestionIds,
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      const questions = options.bankQuestionIds.map((id) => {
        const row = byId.get(id);
        if (!row) throw notFound('Question bank item');
        return fromQuestionSettingsColumns(row);
      });
      return interviews.addQuestions({
        organisationId: options.organisationId,
        interviewId: options.interviewId,
        questions,
      });
    },
  };
}

export type QuestionBankService = ReturnType<typeof createQuestionBankService>;
