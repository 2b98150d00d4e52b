import * as z from 'zod/mini';
import { candidateQuestionRulesSchema, candidateThinkSchema } from './candidate.ts';
import { answerTypeSchema, startModeSchema } from './question-rules.ts';

// zod/mini: the candidate's pages import these shapes, and the candidate route's JavaScript is kept small.

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
  takeNumber: z.int(),
  bytes: z.int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  /** The processed recording's length; null while processing runs, after it failed, or before it started. */
  durationSeconds: z.nullable(z.number()),
});
export type SavedTake = z.infer<typeof savedTakeSchema>;

/** A short-lived signed address for the candidate to play back one of their own saved takes. */
export const candidateTakePlaybackSchema = z.object({
  url: z.string(),
  mime: z.string(),
  expiresAt: z.string(),
  durationSeconds: z.nullable(z.number()),
});
export type CandidateTakePlayback = z.infer<typeof candidateTakePlaybackSchema>;

/** The newest take of a question that was opened but never finished uploading (a reload or crash mid-answer). */
export const unfinishedTakeSchema = z.object({
  takeId: z.string(),
  status: z.enum(['open', 'uploading']),
  createdAt: z.string(),
});
export type UnfinishedTake = z.infer<typeof unfinishedTakeSchema>;

export const candidateInterviewQuestionSchema = z.extend(candidateQuestionRulesSchema, {
  id: z.string(),
  /** null until the candidate reveals the question (which starts its think time). */
  prompt: z.nullable(z.string()),
  revealedAt: z.nullable(z.string()),
  /** Takes that counted against the limit so far. */
  takesUsed: z.int(),
  takesLeft: z.int(),
  savedTakes: z.array(savedTakeSchema),
  answer: z.nullable(candidateAnswerSchema),
  unfinishedTake: z.nullable(unfinishedTakeSchema),
});
export type CandidateInterviewQuestion = z.infer<typeof candidateInterviewQuestionSchema>;

export const candidatePracticeSchema = z.object({
  prompt: z.string(),
  answerType: answerTypeSchema,
  think: candidateThinkSchema,
  answerSeconds: z.nullable(z.int()),
  textMaxChars: z.nullable(z.int()),
  startMode: startModeSchema,
});
export type CandidatePractice = z.infer<typeof candidatePracticeSchema>;

export const candidateInterviewSchema = z.object({
  status: z.enum(['invited', 'opened', 'started', 'completed', 'expired', 'withdrawn']),
  deadline: z.string(),
  /** True once the deadline has passed and no answer started before it is still in its grace. */
  expired: z.boolean(),
  /** The server's time now (ISO), so the page can tell how far its own clock is off. */
  serverTime: z.string(),
  /**
   * After the deadline, choosing answers and submitting still work until then, because an answer was started
   * before the deadline (its limits plus 15 minutes); null when no answer runs past the deadline.
   */
  graceUntil: z.nullable(z.string()),
  consentedAt: z.nullable(z.string()),
  submittedAt: z.nullable(z.string()),
  /** null when the interview has no practice question. */
  practice: z.nullable(candidatePracticeSchema),
  questions: z.array(candidateInterviewQuestionSchema),
});
export type CandidateInterview = z.infer<typeof candidateInterviewSchema>;

export const revealedQuestionSchema = z.object({ prompt: z.string(), revealedAt: z.string() });
export type RevealedQuestion = z.infer<typeof revealedQuestionSchema>;

/** Choose one of the question's saved takes as its answer, or give a text answer. */
export const saveAnswerSchema = z.union([
  z.strictObject({ takeId: z.string().check(z.minLength(1), z.maxLength(100)) }),
  z.strictObject({
    text: z.string().check(z.trim(), z.minLength(1, { error: 'Write an answer before saving' })),
  }),
]);
export type SaveAnswerInput = z.infer<typeof saveAnswerSchema>;

export const submittedInterviewSchema = z.object({ submittedAt: z.string() });
export type SubmittedInterview = z.infer<typeof submittedInterviewSchema>;

/** The `details` of an answers_missing error: the questions still without an answer, in interview order. */
export const answersMissingDetailsSchema = z.object({
  /** 1-based positions, as the candidate sees them ("Question 2"). */
  positions: z.array(z.int()),
  questionIds: z.array(z.string()),
});
export type AnswersMissingDetails = z.infer<typeof answersMissingDetailsSchema>;

/** A candidate continuing on another device: the e-mail of the invitation and the code sent to it. */
export const continueWithCodeSchema = z.strictObject({
  email: z.string().check(z.trim(), z.minLength(3), z.maxLength(320)),
  code: z.string().check(z.trim(), z.regex(/^\d{6}$/, { error: 'The code has 6 digits' })),
});
export type ContinueWithCodeInput = z.infer<typeof continueWithCodeSchema>;

/** How long a continue code works after it is sent, and how many wrong tries end it. */
export const continueCodeMinutes = 30;
export const continueCodeMaxAttempts = 5;
