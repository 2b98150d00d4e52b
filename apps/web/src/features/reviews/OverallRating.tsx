import type { CandidateReview } from '@oneway/shared';
import { useState, type ReactNode } from 'react';
import { getErrorMessage } from '../../api/errorMessages.ts';
import { formatDateTime } from '../../lib/formatDate.ts';
import { ScoreRadios } from './ScoreRadios.tsx';
import { TeamRatings } from './TeamRatings.tsx';
import type { RatingDraft } from './useRatingDraft.ts';

interface OverallRatingProps {
  review: CandidateReview;
  draft: RatingDraft;
  save: () => Promise<unknown>;
  isSaving: boolean;
  /** Fields shown before the button (a guest's name). */
  children?: ReactNode;
}

/** The overall score, "Save ratings" for every score on the page, and the team's overall scores. */
export function OverallRating({ review, draft, save, isSaving, children }: OverallRatingProps) {
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const others = review.otherOverall.map((o) => ({ rater: o.rater, score: o.overall }));
  return (
    <section className="panel" aria-labelledby="overall-heading">
      <h2 id="overall-heading">Your rating</h2>
      {review.permissions.canRate ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (draft.isEmpty) {
              setError('Give at least one score before saving.');
              return;
            }
            setError(null);
            save().then(
              () => setSaved('Ratings saved.'),
              (failure: unknown) => {
                setSaved(null);
                setError(getErrorMessage(failure));
              },
            );
          }}
        >
          <ScoreRadios
            name="overall"
            legend="Overall score (optional)"
            value={draft.overall}
            onChange={draft.setOverall}
          />
          {children}
          {error ? (
            <p className="field__error" role="alert">
              {error}
            </p>
          ) : null}
          <p className="status-inline" role="status">
            {saved}
          </p>
          <button type="submit" className="button button--primary" disabled={isSaving}>
            Save ratings
          </button>
          {review.myRatedAt ? (
            <p className="hint">Last saved {formatDateTime(review.myRatedAt)}.</p>
          ) : (
            <p className="hint">Scores you pick for each question are saved together with this button.</p>
          )}
        </form>
      ) : (
        <p className="muted">This view does not allow rating.</p>
      )}
      <h3 className="question-review__subheading">Team</h3>
      <TeamRatings
        hidden={review.ratingsHidden}
        ratings={others}
        averageScore={review.averageScore}
        subject="this candidate"
      />
    </section>
  );
}
