import {
  normaliseBankPrompt,
  type BankQuestion,
  type Question,
  type QuestionSettings,
  type StarterLanguage,
  type StarterQuestion,
  type StarterRole,
  type UpdateQuestionInput,
} from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import type { QuestionBankTable } from '../../db/schema/question-bank.ts';
import { AppError, notFound } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';
import { isUniqueViolation } from '../accounts/unique-violation.ts';
import type { InterviewsService } from '../interviews/interviews.service.ts';
import {
  applyQuestionChanges,
  fromQuestionSettingsColumns,
  pickQuestionSettings,
  toQuestionSettingsColumns,
} from '../interviews/question-settings.ts';
import { createQuestionBankRepository, type QuestionBankRepository } from './question-bank.repository.ts';
import { findStarterItem, starterItems } from './starter-library/index.ts';

function toBankQuestion(row: QuestionBankTable, tags: string[]): BankQuestion {
  return {
    id: row.id,
    ...fromQuestionSettingsColumns(row),
    tags,
    starterQuestionId: row.starter_question_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Refuses a prompt the bank holds already, naming the item that holds it. */
function bankQuestionExists(row: QuestionBankTable): AppError {
  return new AppError('bank_question_exists', {
    message: `This question is already in the question bank: “${row.prompt_text}”.`,
    details: { bankQuestionId: row.id, promptText: row.prompt_text },
  });
}

/** A search as the bank compares prompts; undefined when it holds nothing to look for. */
function toSearch(q: string | undefined): string | undefined {
  const search = q === undefined ? '' : normaliseBankPrompt(q);
  return search === '' ? undefined : search;
}

/** Questions an organisation keeps to reuse; adding one to an interview copies it. Each prompt is there once. */
export function createQuestionBankService(deps: { db: Db; clock: Clock; interviews: InterviewsService }) {
  const repo = createQuestionBankRepository(deps.db);
  const { clock, interviews } = deps;

  /**
   * Runs a write that gives an item this prompt key, refusing when another of the organisation's items holds it.
   * The check inside the transaction gives the clear error; the unique index settles two writes at the same moment.
   */
  async function writeUnique<T>(
    options: {
      organisationId: string;
      promptKey: string;
      starterQuestionId?: string | null;
      exceptId?: string;
    },
    write: (trx: QuestionBankRepository) => Promise<T>,
  ): Promise<T> {
    const findConflict = (r: QuestionBankRepository) => r.findConflictingBankQuestion(options);
    try {
      return await repo.transaction(async (trx) => {
        const existing = await findConflict(trx);
        if (existing) throw bankQuestionExists(existing);
        return write(trx);
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await findConflict(repo);
      if (!existing) throw error;
      throw bankQuestionExists(existing);
    }
  }

  async function withTags(rows: QuestionBankTable[]): Promise<BankQuestion[]> {
    const tags = await repo.listTagsOf(rows.map((row) => row.id));
    return rows.map((row) => toBankQuestion(row, tags.get(row.id) ?? []));
  }

  return {
    /** The organisation's items, newest first, filtered by words of the prompt and a tag; and every tag in use. */
    async listBankQuestions(options: {
      organisationId: string;
      q?: string | undefined;
      tag?: string | undefined;
    }): Promise<{ bankQuestions: BankQuestion[]; tags: string[] }> {
      const rows = await repo.listBankQuestions({
        organisationId: options.organisationId,
        search: toSearch(options.q),
        tag: options.tag,
      });
      return {
        bankQuestions: await withTags(rows),
        tags: await repo.listOrganisationTags(options.organisationId),
      };
    },

    /**
     * Saves a copy of one of the organisation's interview questions (questionId), of a starter library question
     * (starterQuestionId, with its tags unless tags are given) or a new question. A prompt the bank holds already,
     * or a starter question copied before, is refused with bank_question_exists naming the item.
     */
    async saveBankQuestion(options: {
      organisationId: string;
      userId: string;
      input: {
        questionId?: string | undefined;
        starterQuestionId?: string | undefined;
        question?: QuestionSettings | undefined;
        tags?: string[] | undefined;
      };
    }): Promise<BankQuestion> {
      const { organisationId, input } = options;
      const starter = input.starterQuestionId ? findStarterItem(input.starterQuestionId) : undefined;
      if (input.starterQuestionId && !starter) throw notFound('Starter question');
      const settings = input.questionId
        ? pickQuestionSettings(await interviews.getQuestion({ organisationId, questionId: input.questionId }))
        : (starter?.settings ?? input.question);
      if (!settings) throw notFound('Question');
      const tags = input.tags ?? starter?.tags ?? [];
      const promptKey = normaliseBankPrompt(settings.promptText);
      const row: QuestionBankTable = {
        id: newId(),
        organisation_id: organisationId,
        ...toQuestionSettingsColumns(settings),
        prompt_key: promptKey,
        starter_question_id: starter?.id ?? null,
        created_by_user_id: options.userId,
        created_at: isoNow(clock),
        updated_at: null,
      };
      await writeUnique(
        { organisationId, promptKey, starterQuestionId: row.starter_question_id },
        async (trx) => {
          await trx.insertBankQuestion(row);
          await trx.setTags(row.id, tags);
        },
      );
      return toBankQuestion(row, tags);
    },

    /**
     * Changes an item's prompt, rules, rubric or tags, all or nothing. Another organisation's item is not found; a
     * prompt another item holds is refused with bank_question_exists.
     */
    async updateBankQuestion(options: {
      organisationId: string;
      bankQuestionId: string;
      input: UpdateQuestionInput & { tags?: string[] | undefined };
    }): Promise<BankQuestion> {
      const { organisationId, bankQuestionId } = options;
      const { tags, ...changes } = options.input;
      const [row] = await repo.findBankQuestions({ organisationId, ids: [bankQuestionId] });
      if (!row) throw notFound('Question bank item');
      const settings = applyQuestionChanges(fromQuestionSettingsColumns(row), changes);
      const promptKey = normaliseBankPrompt(settings.promptText);
      const updated: QuestionBankTable = {
        ...row,
        ...toQuestionSettingsColumns(settings),
        prompt_key: promptKey,
        updated_at: isoNow(clock),
      };
      const savedTags = await writeUnique({ organisationId, promptKey, exceptId: row.id }, async (trx) => {
        const [current] = await trx.findBankQuestions({ organisationId, ids: [row.id] });
        if (!current) throw notFound('Question bank item');
        const { id: _id, organisation_id: _org, created_at: _created, ...columns } = updated;
        await trx.updateBankQuestion(row.id, columns);
        if (tags !== undefined) await trx.setTags(row.id, tags);
        return (await trx.listTagsOf([row.id])).get(row.id) ?? [];
      });
      return toBankQuestion(updated, savedTags);
    },

    async deleteBankQuestion(options: { organisationId: string; bankQuestionId: string }): Promise<void> {
      const deleted = await repo.deleteBankQuestion({
        organisationId: options.organisationId,
        id: options.bankQuestionId,
      });
      if (!deleted) throw notFound('Question bank item');
    },

    /**
     * The starter library in the languages and roles asked for, filtered by words of the prompt; each question
     * names the organisation's item copied from it or holding the same prompt.
     */
    async listStarterQuestions(options: {
      organisationId: string;
      role?: StarterRole | undefined;
      language?: StarterLanguage | undefined;
      q?: string | undefined;
    }): Promise<StarterQuestion[]> {
      const search = toSearch(options.q);
      const keys = await repo.listBankKeys(options.organisationId);
      const byStarter = new Map(
        keys.flatMap((k) => (k.starter_question_id ? [[k.starter_question_id, k.id]] : [])),
      );
      const byPrompt = new Map(keys.flatMap((k) => (k.prompt_key ? [[k.prompt_key, k.id]] : [])));
      return starterItems
        .filter((item) => !options.role || item.role === options.role)
        .filter((item) => !options.language || item.language === options.language)
        .map((item) => ({ item, promptKey: normaliseBankPrompt(item.settings.promptText) }))
        .filter(({ promptKey }) => !search || promptKey.includes(search))
        .map(({ item, promptKey }) => ({
          id: item.id,
          role: item.role,
          language: item.language,
          ...item.settings,
          tags: item.tags,
          bankQuestionId: byStarter.get(item.id) ?? byPrompt.get(promptKey) ?? null,
        }));
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
