import type { CandidateReview } from '@oneway/shared';
import { useCallback, useRef, useState } from 'react';

/** Where a picked score stands: on its way to the server, kept there, or not kept. */
export type SaveState = 'saving' | 'saved' | 'failed';

/** The key of the overall score among the question ids. */
export const overallKey = 'overall';

/** Sends one score (a question's, or the overall under `overallKey`); null takes it back. */
export type SaveScore = (key: string, score: number | null) => Promise<unknown>;

function initialScores(review: CandidateReview): Record<string, number | null> {
  const scores: Record<string, number | null> = { [overallKey]: review.myOverall };
  for (const q of review.questions) scores[q.questionId] = q.myRating?.score ?? null;
  return scores;
}

/**
 * The viewer's scores of one candidate, each saved the moment it is picked (shown at once, "Saved" once the server
 * has it, "Not saved" with a retry when it did not take it). Saves of one score go one after the other, the
 * latest pick last, so a quick change of mind never ends with the older score stored.
 */
export function useScoreAutosave(review: CandidateReview, save: SaveScore, onSaved: () => void) {
  const [scores, setScores] = useState(() => initialScores(review));
  const [states, setStates] = useState<Record<string, SaveState>>({});
  const [errors, setErrors] = useState<Record<string, unknown>>({});
  const latest = useRef(scores);
  const waiting = useRef(new Map<string, number | null>());
  const running = useRef(new Set<string>());

  const setState = (key: string, state: SaveState) => setStates((s) => ({ ...s, [key]: state }));

  const flush = useCallback(
    async (key: string) => {
      if (running.current.has(key)) return;
      running.current.add(key);
      let failed = false;
      try {
        while (waiting.current.has(key)) {
          const score = waiting.current.get(key) ?? null;
          waiting.current.delete(key);
          try {
            await save(key, score);
            failed = false;
          } catch (error) {
            failed = true;
            setErrors((e) => ({ ...e, [key]: error }));
          }
        }
      } finally {
        running.current.delete(key);
      }
      setState(key, failed ? 'failed' : 'saved');
      if (!failed) onSaved();
    },
    [save, onSaved],
  );

  const pick = (key: string, score: number | null) => {
    latest.current = { ...latest.current, [key]: score };
    setScores(latest.current);
    waiting.current.set(key, score);
    setState(key, 'saving');
    void flush(key);
  };

  const retry = (key: string) => {
    waiting.current.set(key, latest.current[key] ?? null);
    setState(key, 'saving');
    void flush(key);
  };

  const hasUnsaved = Object.values(states).some((s) => s !== 'saved');
  return { scores, states, errors, pick, retry, hasUnsaved };
}

export type ScoreAutosave = ReturnType<typeof useScoreAutosave>;
