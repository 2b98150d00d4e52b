import { createQuestionSchema, type CreateQuestionInput, type ThinkTime } from '@oneway/shared';
import { createFormSchema, createNumberReader, type FormIssue } from '../fields/formIssues.ts';
import { questionFieldRoutes, type CriterionDraft, type QuestionValues } from './questionValues.ts';

type NumberReader = ReturnType<typeof createNumberReader>;

/** The think time the form's fields give. */
export function readThinkTime(values: QuestionValues, readNumber: NumberReader): ThinkTime {
  return values.thinkMode === 'timed'
    ? {
        mode: 'timed',
        seconds: readNumber(values.thinkSeconds, 'thinkSeconds', 'Enter the think time in seconds'),
      }
    : { mode: values.thinkMode as 'none' | 'unlimited' };
}

/** The answer time in seconds from its minutes and seconds fields. */
export function readAnswerSeconds(values: QuestionValues, readNumber: NumberReader): number {
  const message = 'Enter the answer time in minutes and seconds';
  return (
    readNumber(values.answerMin || '0', 'answerMin', message) * 60 +
    readNumber(values.answerSec || '0', 'answerMin', message)
  );
}

/** The full API body for the question form; fields of other answer types are sent as null. */
function toQuestionInput({ values, criteria }: { values: QuestionValues; criteria: CriterionDraft[] }) {
  const issues: FormIssue[] = [];
  const readNumber = createNumberReader(issues);
  const isText = values.answerType === 'text';
  const input: CreateQuestionInput = {
    promptText: values.promptText,
    answerType: values.answerType as CreateQuestionInput['answerType'],
    think: readThinkTime(values, readNumber),
    answerSeconds: isText ? null : readAnswerSeconds(values, readNumber),
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
