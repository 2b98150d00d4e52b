import {
  maxQuestionsPerInterview,
  type Question,
  type QuestionSettings,
  type UpdateQuestionInput,
} from '@oneway/shared';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';
import { noPromptVideos } from '../prompt-videos/prompt-video-rows.ts';
import {
  lockEditableInterviewRow,
  toQuestion,
  toQuestions,
  toQuestionWithVideo,
} from './interview-access.ts';
import type { InterviewRepositories } from './interview-repositories.ts';
import type { InterviewsContext } from './interviews.service.ts';
import {
  applyQuestionChanges,
  fromQuestionSettingsColumns,
  toQuestionSettingsColumns,
} from './question-settings.ts';

interface InterviewRef {
  organisationId: string;
  interviewId: string;
}

interface QuestionRef extends InterviewRef {
  questionId: string;
}

const isRecorded = (settings: QuestionSettings): boolean => settings.answerType !== 'text';

/**
 * The rules of `source` that fit `target`: think time, takes and start mode always; the answer time between
 * recorded questions (video or audio) and the length limit between written ones. Prompt, answer type and rubric
 * stay the target's own, so the result is always a valid question.
 */
function rulesFor(source: QuestionSettings, target: QuestionSettings): UpdateQuestionInput {
  const sameKind = isRecorded(source) === isRecorded(target);
  return {
    think: source.think,
    takes: source.takes,
    startMode: source.startMode,
    ...(sameKind && isRecorded(source) ? { answerSeconds: source.answerSeconds } : {}),
    ...(sameKind && !isRecorded(source) ? { textMaxChars: source.textMaxChars } : {}),
  };
}

async function renumberQuestions(repos: InterviewRepositories, orderedIds: string[], now: string) {
  for (const [position, questionId] of orderedIds.entries()) {
    await repos.questions.updateQuestion(questionId, { position, updated_at: now });
  }
}

export function createQuestionFunctions({ repos, clock }: InterviewsContext) {
  async function getQuestionRowOrThrow(trx: InterviewRepositories, ref: QuestionRef) {
    const row = await trx.questions.findQuestion(ref);
    if (!row) throw notFound('Question');
    return row;
  }

  /** Appends questions in the given order, refusing to pass the limit per interview. */
  async function addQuestions(
    options: InterviewRef & { questions: QuestionSettings[] },
  ): Promise<Question[]> {
    return repos.transaction(async (trx) => {
      const now = isoNow(clock);
      const interview = await lockEditableInterviewRow(trx, { ...options, now });
      const count = await trx.questions.countQuestions(interview.id);
      if (count + options.questions.length > maxQuestionsPerInterview) {
        throw new AppError('question_limit_reached', {
          message: `An interview has at most ${maxQuestionsPerInterview} questions.`,
          details: { limit: maxQuestionsPerInterview, current: count },
        });
      }
      const rows = options.questions.map((settings, i) => ({
        id: newId(),
        interview_id: interview.id,
        position: count + i,
        prompt_video_id: null,
        ...toQuestionSettingsColumns(settings),
        created_at: now,
        updated_at: now,
      }));
      await trx.questions.insertQuestions(rows);
      return rows.map((row) => toQuestion(row, noPromptVideos));
    });
  }

  return {
    addQuestions,

    /** Appends one question at the end of the interview. */
    async addQuestion(options: InterviewRef & { input: QuestionSettings }): Promise<Question> {
      const [question] = await addQuestions({ ...options, questions: [options.input] });
      if (!question) throw new Error('question not created');
      return question;
    },

    /** A question of any of the organisation's interviews, by its id alone. */
    async getQuestion(options: { organisationId: string; questionId: string }): Promise<Question> {
      const row = await repos.questions.findQuestionInOrganisation(options);
      if (!row) throw notFound('Question');
      return toQuestionWithVideo(repos, options.organisationId, row);
    },

    async updateQuestion(options: QuestionRef & { input: UpdateQuestionInput }): Promise<Question> {
      return repos.transaction(async (trx) => {
        const now = isoNow(clock);
        await lockEditableInterviewRow(trx, { ...options, now });
        const row = await getQuestionRowOrThrow(trx, options);
        const settings = applyQuestionChanges(fromQuestionSettingsColumns(row), options.input);
        await trx.questions.updateQuestion(row.id, {
          ...toQuestionSettingsColumns(settings),
          updated_at: now,
        });
        const updated = { ...row, ...toQuestionSettingsColumns(settings), updated_at: now };
        return toQuestionWithVideo(trx, options.organisationId, updated);
      });
    },

    /**
     * Gives every other question of the interview this question's rules (see `rulesFor`), in one transaction: all
     * of them change or none. Candidates already invited keep the version they were invited to.
     */
    async applyRulesToAll(options: QuestionRef): Promise<Question[]> {
      return repos.transaction(async (trx) => {
        const now = isoNow(clock);
        const interview = await lockEditableInterviewRow(trx, { ...options, now });
        const source = fromQuestionSettingsColumns(await getQuestionRowOrThrow(trx, options));
        for (const row of await trx.questions.listQuestions(interview.id)) {
          if (row.id === options.questionId) continue;
          const current = fromQuestionSettingsColumns(row);
          const next = applyQuestionChanges(current, rulesFor(source, current));
          await trx.questions.updateQuestion(row.id, { ...toQuestionSettingsColumns(next), updated_at: now });
        }
        return toQuestions(trx, options.organisationId, await trx.questions.listQuestions(interview.id));
      });
    },

    /** Removes a question and closes the gap in the order. */
    async deleteQuestion(options: QuestionRef): Promise<void> {
      await repos.transaction(async (trx) => {
        const now = isoNow(clock);
        const interview = await lockEditableInterviewRow(trx, { ...options, now });
        const row = await getQuestionRowOrThrow(trx, options);
        await trx.questions.deleteQuestion(row.id);
        const remaining = await trx.questions.listQuestions(interview.id);
        await renumberQuestions(
          trx,
          remaining.map((q) => q.id),
          now,
        );
      });
    },

    /** Puts the questions in the given order, which must list every current question exactly once. */
    async reorderQuestions(options: InterviewRef & { questionIds: string[] }): Promise<Question[]> {
      return repos.transaction(async (trx) => {
        const now = isoNow(clock);
        const interview = await lockEditableInterviewRow(trx, { ...options, now });
        const current = new Set((await trx.questions.listQuestions(interview.id)).map((q) => q.id));
        const given = new Set(options.questionIds);
        const isSameSet =
          given.size === options.questionIds.length &&
          given.size === current.size &&
          [...given].every((id) => current.has(id));
        if (!isSameSet) {
          throw validationFailed([
            { field: 'questionIds', message: "List every one of the interview's questions exactly once" },
          ]);
        }
        await renumberQuestions(trx, options.questionIds, now);
        return toQuestions(trx, options.organisationId, await trx.questions.listQuestions(interview.id));
      });
    },
  };
}
