import { createQuestionSchema, type CreateQuestionInput } from '@oneway/shared';
import { createFormSchema, createNumberReader, type FormIssue } from '../fields/formIssues.ts';
import { questionFieldRoutes, type CriterionDraft, type QuestionValues } from './questionValues.ts';

/** The full API body for the question form; fields of other answer types are sent as null. */
function toQuestionInput({ values, criteria }: { values: QuestionValues; criteria: CriterionDraft[] }) {
  const issues: FormIssue[] = [];
  const readNumber = createNumberReader(issues);
  const isText = values.answerType === 'text';
  const answerMessage = 'Enter the answer time in minutes and seconds';
  const input: CreateQuestionInput = {
    promptText: values.promptText,
    answerType: values.answerType as CreateQuestionInput['answerType'],
    think:
      values.thinkMode === 'timed'
        ? {
            mode: 'timed',
            seconds: readNumber(values.thinkSeconds, 'thinkSeconds', 'Enter the think time in seconds'),
          }
        : { mode: values.thinkMode as 'none' | 'unlimited' },
    answerSeconds: isText
      ? null
      : readNumber(values.answerMin || '0', 'answerMin', answerMessage) * 60 +
        readNumber(values.answerSec || '0', 'answerMin', answerMessage),
    textMaxChars: isText
      ? readNumber(values.textMaxChars, 'textMaxChars', 'Enter the character limit as a whole number')
      : null,
    takes: Number(values.takes),
    startMode: values.startMode as CreateQuestionInput['startMode'],
    rubric:
      criteria.length === 0
        ? null
        : { criteria: criteria.map((criterion) => ({ name: criterion.name, levels: criterion.levels })) },
  };
  return { input, issues };
}

/** Checks the question form; the result is the body for adding a question or changing every field of one. */
export const questionFormSchema = createFormSchema(
  toQuestionInput,
  createQuestionSchema,
  questionFieldRoutes,
);
