import { z } from 'zod';
import type { FieldIssue } from './errors.ts';
import { promptVideoSchema } from './prompt-videos.ts';
import { answerTypeSchema, startModeSchema, type AnswerType, type StartMode } from './question-rules.ts';

/** The most questions one interview holds (practice question not counted). */
export const maxQuestionsPerInterview = 50;

export { answerTypeSchema, startModeSchema, type AnswerType, type StartMode } from './question-rules.ts';

export const thinkTimeSchema = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({ mode: z.literal('none') }),
    z.strictObject({
      mode: z.literal('timed'),
      seconds: z
        .number()
        .int()
        .min(5, { message: 'Think time is at least 5 seconds' })
        .max(600, { message: 'Think time is at most 600 seconds' }),
    }),
    z.strictObject({ mode: z.literal('unlimited') }),
  ],
  { message: 'Think time mode is none, timed or unlimited' },
);
export type ThinkTime = z.infer<typeof thinkTimeSchema>;

export const answerSecondsSchema = z
  .number()
  .int()
  .min(15, { message: 'The answer time is at least 15 seconds' })
  .max(1800, { message: 'The answer time is at most 1800 seconds (30 minutes)' });

export const textMaxCharsSchema = z
  .number()
  .int()
  .min(100, { message: 'Allow at least 100 characters' })
  .max(10_000, { message: 'Allow at most 10000 characters' });

export const takesSchema = z
  .number()
  .int()
  .min(1, { message: 'Allow at least one take' })
  .max(10, { message: 'Allow at most 10 takes' });

export const promptTextSchema = z
  .string({ message: 'Enter the question' })
  .trim()
  .min(1, { message: 'Enter the question' })
  .max(2000, { message: 'Keep the question under 2000 characters' });

const rubricLevelSchema = z.string().trim().max(500, { message: 'Keep each level under 500 characters' });

/** A criterion with a description for each score from 1 to 5 (empty when that level is not described). */
export const rubricCriterionSchema = z.strictObject({
  name: z.string().trim().min(1, { message: 'Name the criterion' }).max(200),
  levels: z.strictObject({
    '1': rubricLevelSchema,
    '2': rubricLevelSchema,
    '3': rubricLevelSchema,
    '4': rubricLevelSchema,
    '5': rubricLevelSchema,
  }),
});

export const rubricSchema = z.strictObject({
  criteria: z
    .array(rubricCriterionSchema)
    .min(1, { message: 'Add at least one criterion or leave the rubric out' })
    .max(10, { message: 'Use at most 10 criteria' }),
});
export type Rubric = z.infer<typeof rubricSchema>;

/** The rules of one question, as stored on an interview or in the question bank. */
export interface QuestionSettings {
  promptText: string;
  answerType: AnswerType;
  think: ThinkTime;
  /** Time limit of a video or audio answer; null for text. */
  answerSeconds: number | null;
  /** Length limit of a text answer; null for video and audio. */
  textMaxChars: number | null;
  takes: number;
  startMode: StartMode;
  rubric: Rubric | null;
}

/** The rules between fields: video and audio need an answer time, text needs a length limit. */
export function findQuestionLimitIssues(value: {
  answerType?: unknown;
  answerSeconds?: unknown;
  textMaxChars?: unknown;
}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (value.answerType === 'video' || value.answerType === 'audio') {
    if (value.answerSeconds == null) {
      issues.push({ field: 'answerSeconds', message: `Set the answer time of a ${value.answerType} answer` });
    }
    if (value.textMaxChars != null) {
      issues.push({ field: 'textMaxChars', message: 'Only text answers have a character limit' });
    }
  } else if (value.answerType === 'text') {
    if (value.textMaxChars == null) {
      issues.push({ field: 'textMaxChars', message: 'Set the character limit of a text answer' });
    }
    if (value.answerSeconds != null) {
      issues.push({ field: 'answerSeconds', message: 'Text answers have no answer time; leave it out' });
    }
  }
  return issues;
}

function refineQuestionLimits(
  value: Parameters<typeof findQuestionLimitIssues>[0],
  ctx: z.RefinementCtx,
): void {
  for (const issue of findQuestionLimitIssues(value)) {
    ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  }
}

/** The fields of a question's rules, as the API shows them on a question and on a bank item. */
export const questionFields = {
  promptText: promptTextSchema,
  answerType: answerTypeSchema,
  think: thinkTimeSchema,
  answerSeconds: answerSecondsSchema.nullable(),
  textMaxChars: textMaxCharsSchema.nullable(),
  takes: takesSchema,
  startMode: startModeSchema,
  rubric: rubricSchema.nullable(),
};

/** A new question: only the prompt is required; a video or audio answer also needs answerSeconds. */
export const createQuestionSchema = z
  .strictObject({
    promptText: promptTextSchema,
    answerType: z._default(answerTypeSchema, 'video'),
    think: thinkTimeSchema.default(() => ({ mode: 'timed' as const, seconds: 30 })),
    answerSeconds: answerSecondsSchema.nullable().default(null),
    textMaxChars: textMaxCharsSchema.nullable().default(null),
    takes: takesSchema.default(2),
    startMode: z._default(startModeSchema, 'ready'),
    rubric: rubricSchema.nullable().default(null),
  })
  .superRefine(refineQuestionLimits);
export type CreateQuestionInput = z.input<typeof createQuestionSchema>;

/** A change to a question; the server checks the rules between fields on the result. */
export const updateQuestionSchema = z.strictObject({
  promptText: questionFields.promptText.optional(),
  answerType: z.optional(questionFields.answerType),
  think: questionFields.think.optional(),
  answerSeconds: questionFields.answerSeconds.optional(),
  textMaxChars: questionFields.textMaxChars.optional(),
  takes: questionFields.takes.optional(),
  startMode: z.optional(questionFields.startMode),
  rubric: questionFields.rubric.optional(),
});
export type UpdateQuestionInput = z.infer<typeof updateQuestionSchema>;

export const questionSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  ...questionFields,
  /** The video that asks the question (the prompt text is its text version); null when it has none. */
  promptVideo: z.nullable(promptVideoSchema),
});
export type Question = z.infer<typeof questionSchema>;

export const idSchema = z.string().min(1).max(100);

/** Exactly the interview's current question ids, in the new order. */
export const reorderQuestionsSchema = z.strictObject({
  questionIds: z.array(idSchema).max(maxQuestionsPerInterview),
});
export type ReorderQuestionsInput = z.infer<typeof reorderQuestionsSchema>;

export const questionListSchema = z.object({ questions: z.array(questionSchema) });
