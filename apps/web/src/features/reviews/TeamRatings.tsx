import type { Rater } from '@oneway/shared';
import { formatScore } from './reviewFormat.ts';

interface TeamRatingsProps {
  /** Guests never see the team's ratings; members see them once they have rated. */
  scope: 'member' | 'guest';
  /** Whether this viewer may rate here (a completed candidate, and a member or a guest allowed to rate). */
  canRate: boolean;
  hidden: boolean;
  ratings: { rater: Rater; score: number; note?: string | null }[];
  averageScore: number | null;
  /** "this answer" or "this candidate". */
  subject: string;
}

/** Other people's scores, or why they are not shown (to avoid anchoring on them, or because nobody may). */
export function TeamRatings({ scope, canRate, hidden, ratings, averageScore, subject }: TeamRatingsProps) {
  if (scope === 'guest') {
    return <p className="team-ratings muted">The team&rsquo;s ratings are not shared through this link.</p>;
  }
  if (hidden) {
    return (
      <p className="team-ratings team-ratings--hidden">
        {canRate
          ? 'The team’s ratings, comments and decision show once you have rated: score every answer, or give an overall score.'
          : 'The team’s ratings show to those who have rated.'}
      </p>
    );
  }
  if (ratings.length === 0 && averageScore === null) {
    return <p className="team-ratings muted">Nobody else has rated {subject} yet.</p>;
  }
  return (
    <div className="team-ratings">
      <p className="team-ratings__average">
        Team average: <strong>{formatScore(averageScore)}</strong>
      </p>
      {ratings.length > 0 ? (
        <ul className="team-ratings__list">
          {ratings.map((rating, index) => (
            <li key={`${rating.rater.userId ?? rating.rater.name}-${index}`}>
              {rating.rater.name}
              {rating.rater.kind === 'guest' ? ' (guest)' : ''}: <strong>{rating.score}</strong>
              {rating.note ? <span className="muted"> – {rating.note}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
