/** One rater's ratings of one candidate, as loaded with its question scores. */
export interface RatingSetData {
  id: string;
  invitationId: string;
  raterKey: string;
  raterUserId: string | null;
  shareLinkId: string | null;
  raterName: string;
  overall: number | null;
  updatedAt: string;
  questionScores: { questionId: string; score: number; note: string | null }[];
}

/** Two decimals, so 3.333… shows as 3.33 in the list and the CSV alike. */
export const roundScore = (value: number): number => Math.round(value * 100) / 100;

export function averageOf(values: number[]): number | null {
  if (values.length === 0) return null;
  return roundScore(values.reduce((sum, v) => sum + v, 0) / values.length);
}

/** A rater's score for a candidate: their overall rating, else the mean of their question ratings. */
export function raterScoreOf(set: RatingSetData): number | null {
  if (set.overall !== null) return set.overall;
  return averageOf(set.questionScores.map((q) => q.score));
}

/** The mean of the raters' scores. */
export function candidateAverageOf(sets: RatingSetData[]): number | null {
  return averageOf(sets.map(raterScoreOf).filter((s): s is number => s !== null));
}

/** The mean of one question's ratings over every rater. */
export function questionAverageOf(sets: RatingSetData[], questionId: string): number | null {
  return averageOf(
    sets.flatMap((set) => set.questionScores.filter((q) => q.questionId === questionId).map((q) => q.score)),
  );
}
