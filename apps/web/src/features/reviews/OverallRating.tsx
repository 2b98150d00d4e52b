import type { CandidateReview } from '@oneway/shared';
import { formatDateTime } from '../../lib/formatDate.ts';
import { averageRule } from './reviewFormat.ts';
import { SaveStatus } from './SaveStatus.tsx';
import { ScoreRadios } from './ScoreRadios.tsx';
import { TeamRatings } from './TeamRatings.tsx';
import { overallKey, type ScoreAutosave } from './useScoreAutosave.ts';

interface OverallRatingProps {
  review: CandidateReview;
  scores: ScoreAutosave;
  scoringBlockedBy: string | null;
  scope: 'member' | 'guest';
}

/** The overall score, saved as it is picked like every question's, and the team's overall scores. */
export function OverallRating({ review, scores, scoringBlockedBy, scope }: OverallRatingProps) {
  const others = review.otherOverall.map((o) => ({ rater: o.rater, score: o.overall }));
  return (
    <section className="panel" aria-labelledby="overall-heading">
      <h2 id="overall-heading">Your rating</h2>
      {review.permissions.canRate ? (
        <>
          <p className="hint">Each score is saved the moment you pick it.</p>
          <ScoreRadios
            name="overall"
            legend="Overall score (optional)"
            value={scores.scores[overallKey] ?? null}
            onChange={(score) => scores.pick(overallKey, score)}
            disabled={scoringBlockedBy !== null}
            hint={scoringBlockedBy}
          />
          <SaveStatus
            state={scores.states[overallKey]}
            error={scores.errors[overallKey]}
            subject="your overall score"
            onRetry={() => scores.retry(overallKey)}
          />
          {review.myRatedAt ? <p className="hint">Last saved {formatDateTime(review.myRatedAt)}.</p> : null}
        </>
      ) : (
        <p className="muted">
          {review.status === 'completed'
            ? 'This view does not allow rating.'
            : 'There is nothing to rate until the candidate has submitted their answers.'}
        </p>
      )}
      <h3 className="question-review__subheading">Team</h3>
      <TeamRatings
        scope={scope}
        canRate={review.permissions.canRate}
        hidden={review.ratingsHidden}
        ratings={others}
        averageScore={review.averageScore}
        subject="this candidate"
      />
      {scope === 'member' && !review.ratingsHidden ? <p className="hint">{averageRule}</p> : null}
    </section>
  );
}
