import { applyTimeMultiplier, type Accommodations, type InterviewSnapshot } from '@oneway/shared';

/** Seconds past the answer's limit that are still kept: the recorder stops a moment after the timer. */
export const answerGraceSeconds = 5;

/**
 * How long a processed answer may be: the question's answer limit after the candidate's time multiplier, at most
 * MEDIA_MAX_SECONDS (also the limit of untimed answers), plus the grace. A longer recording is cut to this; the
 * original upload is kept whole.
 */
export function decideMaxSeconds(options: {
  answerSeconds: number | null;
  accommodations: Accommodations;
  mediaMaxSeconds: number;
}): number {
  const limit = applyTimeMultiplier(options.answerSeconds, options.accommodations) ?? options.mediaMaxSeconds;
  return Math.min(limit, options.mediaMaxSeconds) + answerGraceSeconds;
}

/** The answer limit of a question in the invitation's frozen snapshot; null when it has none or is not there. */
export function findAnswerSeconds(snapshot: InterviewSnapshot, questionId: string): number | null {
  return snapshot.questions.find((q) => q.id === questionId)?.answerSeconds ?? null;
}
