import { z } from 'zod';
import { candidateQuestionRulesSchema, candidateThinkSchema } from './candidate.ts';
import { answerTypeSchema, startModeSchema } from './interview-questions.ts';

/**
 * The candidate's way through the interview after the device check: the practice question, each question (its
 * prompt shown only once the candidate reveals it), the takes already saved and the answer chosen for each.
 */

/** The answer a question has now: a saved take (the newest saved take unless the candidate chose another) or text. */
export const candidateAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('take'), takeId: z.string(), savedAt: z.string() }),
  z.object({ kind: z.literal('text'), text: z.string(), savedAt: z.string() }),
]);
export type CandidateAnswer = z.infer<typeof candidateAnswerSchema>;

/** A take the server holds every byte of. */
export const savedTakeSchema = z.object({
  takeId: z.string(),
  takeNumber: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type SavedTake = z.infer<typeof savedTakeSchema>;

/** The newest take of a question that was opened but never finished uploading (a reload or crash mid-answer). */
export const unfinishedTakeSchema = z.object({
  takeId: z.string(),
  status: z.enum(['open', 'uploading']),
  createdAt: z.string(),
});
export type UnfinishedTake = z.infer<typeof unfinishedTakeSchema>;

export const candidateInterviewQuestionSchema = candidateQuestionRulesSchema.extend({
  id: z.string(),
  /** null until the candidate reveals the question (which starts its think time). */
  prompt: z.string().nullable(),
  revealedAt: z.string().nullable(),
  /** Takes that counted against the limit so far. */
  takesUsed: z.number().int(),
  takesLeft: z.number().int(),
  savedTakes: z.array(savedTakeSchema),
  answer: candidateAnswerSchema.nullable(),
  unfinishedTake: unfinishedTakeSchema.nullable(),
});
export type CandidateInterviewQuestion = z.infer<typeof candidateInterviewQuestionSchema>;

export const candidatePracticeSchema = z.object({
  prompt: z.string(),
  answerType: answerTypeSchema,
  think: candidateThinkSchema,
  answerSeconds: z.number().int().nullable(),
  textMaxChars: z.number().int().nullable(),
  startMode: startModeSchema,
});
export type CandidatePractice = z.infer<typeof candidatePracticeSchema>;

export const candidateInterviewSchema = z.object({
  status: z.enum(['invited', 'opened', 'started', 'completed', 'expired', 'withdrawn']),
  deadline: z.string(),
  expired: z.boolean(),
  consentedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** null when the interview has no practice question. */
  practice: candidatePracticeSchema.nullable(),
  questions: z.array(candidateInterviewQuestionSchema),
});
export type CandidateInterview = z.infer<typeof candidateInterviewSchema>;

export const revealedQuestionSchema = z.object({ prompt: z.string(), revealedAt: z.string() });
export type RevealedQuestion = z.infer<typeof revealedQuestionSchema>;

/** Choose one of the question's saved takes as its answer, or give a text answer. */
export const saveAnswerSchema = z.union([
  z.strictObject({ takeId: z.string().min(1).max(100) }),
  z.strictObject({ text: z.string().trim().min(1, { message: 'Write an answer before saving' }) }),
]);
export type SaveAnswerInput = z.infer<typeof saveAnswerSchema>;

export const submittedInterviewSchema = z.object({ submittedAt: z.string() });
export type SubmittedInterview = z.infer<typeof submittedInterviewSchema>;

/** The `details` of an answers_missing error: the questions still without an answer, in interview order. */
export const answersMissingDetailsSchema = z.object({
  /** 1-based positions, as the candidate sees them ("Question 2"). */
  positions: z.array(z.number().int()),
  questionIds: z.array(z.string()),
});
export type AnswersMissingDetails = z.infer<typeof answersMissingDetailsSchema>;

/** A candidate continuing on another device: the e-mail of the invitation and the code sent to it. */
export const continueWithCodeSchema = z.strictObject({
  email: z.string().trim().min(3).max(320),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'The code has 6 digits' }),
});
export type ContinueWithCodeInput = z.infer<typeof continueWithCodeSchema>;

/** How long a continue code works after it is sent, and how many wrong tries end it. */
export const continueCodeMinutes = 30;
export const continueCodeMaxAttempts = 5;
