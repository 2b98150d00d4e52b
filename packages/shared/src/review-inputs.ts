import { z } from 'zod';
import { invitationStatusSchema } from './invitations.ts';

const idSchema = z.string().min(1).max(100);

/** A rating from 1 to 5: the same scale as the rubric's levels. */
export const scoreSchema = z
  .number({ message: 'Give a score from 1 to 5' })
  .int({ message: 'Give a whole score from 1 to 5' })
  .min(1, { message: 'A score is at least 1' })
  .max(5, { message: 'A score is at most 5' });

const noteSchema = z.string().trim().max(2000, { message: 'Keep the note under 2000 characters' });

export const reviewSorts = ['-completed', 'completed', '-score', 'score', 'name', '-name'] as const;

/** Filters and order shared by the review list and a candidate's previous/next links. */
export const reviewOrderQuerySchema = z.object({
  decision: z
    .enum(['advance', 'hold', 'reject', 'none'], { message: 'Use advance, hold, reject or none' })
    .optional(),
  /** Candidates whose (visible) average score is at least this. */
  minScore: z.coerce
    .number({ message: 'Use a number from 1 to 5' })
    .min(1, { message: 'Use a number from 1 to 5' })
    .max(5, { message: 'Use a number from 1 to 5' })
    .optional(),
  /** Part of the candidate's name or e-mail address; refused while reviews are anonymised for the viewer. */
  q: z.string().trim().max(200).optional(),
  /** A leading "-" sorts newest, highest or last first. Anonymised, "name" sorts by candidate number. */
  sort: z.enum(reviewSorts, { message: `Use one of ${reviewSorts.join(', ')}` }).default('-completed'),
});
export type ReviewOrderQuery = z.infer<typeof reviewOrderQuerySchema>;

export const listReviewsQuerySchema = reviewOrderQuerySchema.extend({
  status: invitationStatusSchema.optional(),
  page: z.coerce.number().int().min(1, { message: 'Pages start at 1' }).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1, { message: 'Show at least 1 candidate a page' })
    .max(200, { message: 'Show at most 200 candidates a page' })
    .default(50),
});
export type ListReviewsQuery = z.infer<typeof listReviewsQuerySchema>;

/**
 * The viewer's ratings of one candidate, replacing any they gave before: a score per question (any subset of the
 * candidate's questions, each once) and an optional overall score. No question ratings and no overall score
 * withdraws the viewer's ratings.
 */
export const putRatingsSchema = z.strictObject({
  questionRatings: z
    .array(z.strictObject({ questionId: idSchema, score: scoreSchema, note: noteSchema.nullish() }))
    .max(50, { message: 'Rate at most 50 questions' }),
  overall: scoreSchema.nullable(),
});
export type PutRatingsInput = z.infer<typeof putRatingsSchema>;

/** One question's score, saved the moment it is picked; null takes the score back. */
export const putQuestionRatingSchema = z.strictObject({
  score: scoreSchema.nullable(),
  note: noteSchema.nullish(),
});
export type PutQuestionRatingInput = z.infer<typeof putQuestionRatingSchema>;

/** The overall score, saved the moment it is picked; null takes it back. */
export const putOverallRatingSchema = z.strictObject({ overall: scoreSchema.nullable() });
export type PutOverallRatingInput = z.infer<typeof putOverallRatingSchema>;

/** A decider's note while they think, kept for them alone until they decide; an empty note drops the draft. */
export const putDecisionDraftSchema = z.strictObject({
  note: z
    .string({ message: 'Write the note as text' })
    .max(2000, { message: 'Keep the note under 2000 characters' }),
});
export type PutDecisionDraftInput = z.infer<typeof putDecisionDraftSchema>;

export const createCommentSchema = z.strictObject({
  questionId: idSchema,
  /** Seconds into the answer, or null for the answer as a whole. */
  atSeconds: z
    .number({ message: 'Give the time in seconds, or null' })
    .min(0, { message: 'The time cannot be negative' })
    .max(7200, { message: 'The time is at most 7200 seconds' })
    .nullable(),
  body: z
    .string({ message: 'Write the comment' })
    .trim()
    .min(1, { message: 'Write the comment' })
    .max(2000, { message: 'Keep the comment under 2000 characters' }),
});
export type CreateCommentInput = z.infer<typeof createCommentSchema>;

export const putDecisionSchema = z.strictObject({
  decision: z.enum(['advance', 'hold', 'reject'], { message: 'Use advance, hold or reject' }),
  note: noteSchema.nullish(),
  /**
   * E-mail the candidate this decision's outcome e-mail: true sends it, false does not; left out, it is sent only
   * when the interview turns that outcome's e-mail on. The same outcome is never e-mailed twice.
   */
  notifyCandidate: z.boolean({ message: 'Use true or false' }).optional(),
});
export type PutDecisionInput = z.infer<typeof putDecisionSchema>;

/** Up to 10 candidates of one interview, as a comma-separated list of invitation ids. */
export const compareQuerySchema = z.object({
  questionId: idSchema,
  invitationIds: z
    .string({ message: 'List the invitation ids, separated by commas' })
    .transform((v) => [
      ...new Set(
        v
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(idSchema)
        .min(1, { message: 'Choose at least one candidate' })
        .max(10, { message: 'Compare at most 10 candidates' }),
    ),
});
export type CompareQuery = z.infer<typeof compareQuerySchema>;

export const putInterviewReviewersSchema = z.strictObject({
  /** Every member to assign; replaces the interview's assignments. */
  userIds: z.array(idSchema).max(500, { message: 'Assign at most 500 members' }),
});
export type PutInterviewReviewersInput = z.infer<typeof putInterviewReviewersSchema>;
