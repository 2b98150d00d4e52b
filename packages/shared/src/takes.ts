import * as z from 'zod/mini';

// zod/mini: the candidate's pages import these shapes, and the candidate route's JavaScript is kept small.

/** The practice question has no id of its own in the snapshot; its takes use this one. */
export const practiceQuestionId = 'practice';

/** How many takes a candidate may open without cost after a technical failure, per question. */
export const maxFreeTakesPerQuestion = 3;

export const takeStatusSchema = z.enum(['open', 'uploading', 'uploaded', 'failed', 'abandoned']);
export type TakeStatus = z.infer<typeof takeStatusSchema>;

/**
 * The page asks for a take before recording. `technical_failure` (camera or recorder stopped, upload refused) and
 * `recovery` (a fresh take after a crash) cost nothing when the previous take really failed or never finished.
 * `takeOver`: another device of this candidate is recording (the server answered recording_elsewhere) and the
 * candidate chose to continue here: that recording ends without costing a take.
 */
export const openTakeSchema = z.strictObject({
  questionId: z.string().check(
    z.minLength(1),
    z.maxLength(100),
    // Practice stays in the browser: nothing of it is uploaded or kept (the consent text promises it).
    z.refine((id) => id !== practiceQuestionId, {
      error:
        'The practice question is never uploaded: practise in the browser, then open a take of a question',
    }),
  ),
  reason: z.optional(z.enum(['technical_failure', 'recovery'])),
  takeOver: z.optional(z.literal(true)),
});
export type OpenTakeInput = z.infer<typeof openTakeSchema>;

export const openedTakeSchema = z.object({
  takeId: z.string(),
  /** Where the tus client creates its upload (same origin). */
  uploadUrl: z.string(),
  /** Metadata the tus client must send with the upload. */
  uploadMetadata: z.object({ takeId: z.string() }),
  /** Takes that still count after this one; null for the practice question (unlimited). */
  takesLeft: z.nullable(z.int()),
});
export type OpenedTake = z.infer<typeof openedTakeSchema>;

/** What the page compares with its own copy before deleting it: "Saved" only when every byte arrived. */
export const takeStateSchema = z.object({
  status: takeStatusSchema,
  bytes: z.nullable(z.int()),
  sha256: z.nullable(z.string()),
  failureReason: z.nullable(z.string()),
});
export type TakeState = z.infer<typeof takeStateSchema>;

/** The SHA-256 of the first `bytes` bytes the server holds of a take. */
export const takePrefixSha256Schema = z.object({ sha256: z.string(), bytes: z.int() });
export type TakePrefixSha256 = z.infer<typeof takePrefixSha256Schema>;
