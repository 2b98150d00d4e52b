import type { CandidateReview, PutRatingsInput } from '@oneway/shared';
import { useState } from 'react';

/** The viewer's scores being edited, starting from what they saved before. */
export function useRatingDraft(review: CandidateReview) {
  const [scores, setScores] = useState<Record<string, number>>(() =>
    Object.fromEntries(
      review.questions.flatMap((q) => (q.myRating ? [[q.questionId, q.myRating.score] as const] : [])),
    ),
  );
  const [overall, setOverall] = useState<number | null>(review.myOverall);
  const setScore = (questionId: string, score: number) => setScores((s) => ({ ...s, [questionId]: score }));
  const toInput = (): PutRatingsInput => ({
    questionRatings: review.questions.flatMap((q) => {
      const score = scores[q.questionId];
      if (score === undefined) return [];
      return [{ questionId: q.questionId, score, note: q.myRating?.note ?? null }];
    }),
    overall,
  });
  const isEmpty = Object.keys(scores).length === 0 && overall === null;
  return { scores, setScore, overall, setOverall, toInput, isEmpty };
}

export type RatingDraft = ReturnType<typeof useRatingDraft>;
