import { z } from 'zod';
import { interviewLanguages } from './question-rules.ts';
import {
  createQuestionSchema,
  idSchema,
  maxQuestionsPerInterview,
  questionFields,
  updateQuestionSchema,
} from './interview-questions.ts';

/**
 * The prompt as the bank compares prompts: trimmed, runs of white space as one space, lower case. Two items whose
 * prompts are equal this way are the same question, and one organisation's bank holds it once.
 */
export function normaliseBankPrompt(prompt: string): string {
  return prompt.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export const maxTagsPerBankQuestion = 10;

/** A tag such as "sales" or "customer success": letters, digits, spaces and hyphens, kept in lower case. */
export const bankTagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { message: 'A tag cannot be empty' })
  .max(40, { message: 'Keep each tag under 40 characters' })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u, { message: 'Use letters, digits, spaces and hyphens in tags' });

export const bankTagsSchema = z
  .array(bankTagSchema)
  .max(maxTagsPerBankQuestion, { message: `Use at most ${maxTagsPerBankQuestion} tags` })
  .transform((tags) => [...new Set(tags.map((tag) => tag.replace(/\s+/g, ' ')))].sort());

export const starterRoles = ['sales', 'engineering', 'support', 'operations', 'general'] as const;
export const starterRoleSchema = z.enum(starterRoles, { message: 'Choose a role of the starter library' });
export type StarterRole = z.infer<typeof starterRoleSchema>;

export const starterLanguages = interviewLanguages;
export const starterLanguageSchema = z.enum(starterLanguages, {
  message: 'The starter library is in en or es',
});
export type StarterLanguage = z.infer<typeof starterLanguageSchema>;

export const bankQuestionSchema = z.object({
  id: z.string(),
  ...questionFields,
  tags: z.array(z.string()),
  /** The starter library question this item was copied from; null for the team's own. */
  starterQuestionId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string().nullable(),
});
export type BankQuestion = z.infer<typeof bankQuestionSchema>;

/**
 * Save to the bank a copy of an interview's question (questionId), a starter library question (starterQuestionId)
 * or a new one (question). A prompt already in the bank is refused with bank_question_exists.
 */
export const saveBankQuestionSchema = z
  .strictObject({
    questionId: idSchema.optional(),
    starterQuestionId: idSchema.optional(),
    question: createQuestionSchema.optional(),
    tags: bankTagsSchema.optional(),
  })
  .superRefine((value, ctx) => {
    const sources = [value.questionId, value.starterQuestionId, value.question].filter(
      (v) => v !== undefined,
    );
    if (sources.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['questionId'],
        message: 'Give one of questionId, starterQuestionId or question',
      });
    }
  });
export type SaveBankQuestionInput = z.input<typeof saveBankQuestionSchema>;

/** A change to a bank item; the server checks the rules between fields on the result. */
export const updateBankQuestionSchema = z.strictObject({
  ...updateQuestionSchema.shape,
  tags: bankTagsSchema.optional(),
});
export type UpdateBankQuestionInput = z.input<typeof updateBankQuestionSchema>;

/** Filters of the bank list: words of the prompt (q) and one tag. */
export const bankQuestionListQuerySchema = z.object({
  q: z.string().trim().max(200, { message: 'Keep the search under 200 characters' }).optional(),
  tag: bankTagSchema.optional(),
});
export type BankQuestionListQuery = z.input<typeof bankQuestionListQuerySchema>;

export const bankQuestionListSchema = z.object({
  bankQuestions: z.array(bankQuestionSchema),
  /** Every tag in the organisation's bank, whatever the filters, for choosing one. */
  tags: z.array(z.string()),
});

/** The details of a bank_question_exists error: the item that already holds the prompt. */
export const bankQuestionExistsDetailsSchema = z.object({
  bankQuestionId: z.string(),
  promptText: z.string(),
});
export type BankQuestionExistsDetails = z.infer<typeof bankQuestionExistsDetailsSchema>;

export const addQuestionsFromBankSchema = z.strictObject({
  bankQuestionIds: z
    .array(idSchema)
    .min(1, { message: 'Choose at least one question' })
    .max(maxQuestionsPerInterview)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Choose each question once' }),
});
export type AddQuestionsFromBankInput = z.infer<typeof addQuestionsFromBankSchema>;

/** One question of the starter library in one language, ready to copy to a bank or an interview. */
export const starterQuestionSchema = z.object({
  /** "<role>-<number>.<language>", e.g. "sales-01.es"; the same question in the other language shares the rest. */
  id: z.string(),
  role: starterRoleSchema,
  language: starterLanguageSchema,
  ...questionFields,
  tags: z.array(z.string()),
  /** The organisation's bank item copied from this question or holding the same prompt; null when none. */
  bankQuestionId: z.string().nullable(),
});
export type StarterQuestion = z.infer<typeof starterQuestionSchema>;

export const starterQuestionListQuerySchema = z.object({
  role: starterRoleSchema.optional(),
  language: starterLanguageSchema.optional(),
  q: z.string().trim().max(200, { message: 'Keep the search under 200 characters' }).optional(),
});
export type StarterQuestionListQuery = z.input<typeof starterQuestionListQuerySchema>;

export const starterQuestionListSchema = z.object({ starterQuestions: z.array(starterQuestionSchema) });
