import {
  builtInQuestionDefaults,
  type QuestionDefaults,
  type QuestionSettings,
  type Rubric,
} from '@oneway/shared';
import type { FieldRoute } from '../fields/formIssues.ts';
import { splitDuration } from '../format/durations.ts';

/**
 * The question form as flat strings, in the order of its fields; `rubric` only carries the rubric's error. A new
 * question starts with the organisation's rules for new questions.
 */
export function createQuestionValues(defaults: QuestionDefaults = builtInQuestionDefaults) {
  const answer = splitDuration(defaults.answerSeconds);
  return {
    promptText: '',
    answerType: defaults.answerType as string,
    thinkMode: defaults.think.mode as string,
    thinkSeconds: defaults.think.mode === 'timed' ? String(defaults.think.seconds) : '30',
    answerMin: answer.minutes,
    answerSec: answer.seconds,
    textMaxChars: String(defaults.textMaxChars),
    takes: String(defaults.takes),
    startMode: defaults.startMode as string,
    rubric: '',
  };
}

export type QuestionValues = ReturnType<typeof createQuestionValues>;

export const rubricLevels = ['1', '2', '3', '4', '5'] as const;
export type RubricLevel = (typeof rubricLevels)[number];

/** A criterion being edited; `key` keeps React's list stable while criteria come and go. */
export interface CriterionDraft {
  key: number;
  name: string;
  levels: Record<RubricLevel, string>;
}

let nextKey = 1;

export function createCriterionDraft(criterion?: Rubric['criteria'][number]): CriterionDraft {
  return {
    key: nextKey++,
    name: criterion?.name ?? '',
    levels: { '1': '', '2': '', '3': '', '4': '', '5': '', ...criterion?.levels },
  };
}

export function toQuestionValues(question: QuestionSettings): QuestionValues {
  const base = createQuestionValues();
  const answer = question.answerSeconds === null ? null : splitDuration(question.answerSeconds);
  return {
    ...base,
    promptText: question.promptText,
    answerType: question.answerType,
    thinkMode: question.think.mode,
    thinkSeconds: question.think.mode === 'timed' ? String(question.think.seconds) : base.thinkSeconds,
    answerMin: answer?.minutes ?? base.answerMin,
    answerSec: answer?.seconds ?? base.answerSec,
    textMaxChars: question.textMaxChars === null ? base.textMaxChars : String(question.textMaxChars),
    takes: String(question.takes),
    startMode: question.startMode,
  };
}

/** API fields that show on a differently named form field. */
export const questionFieldRoutes: FieldRoute[] = [
  { prefix: 'think', field: 'thinkMode' },
  { prefix: 'think.seconds', field: 'thinkSeconds' },
  { prefix: 'answerSeconds', field: 'answerMin' },
  { prefix: 'rubric', field: 'rubric' },
  { prefix: 'rubric.criteria', field: 'rubric', item: 'Criterion' },
];
