import type { Rater } from '@oneway/shared';
import { formatScore } from './reviewFormat.ts';

interface TeamRatingsProps {
  hidden: boolean;
  ratings: { rater: Rater; score: number; note?: string | null }[];
  averageScore: number | null;
  /** "this answer" or "this candidate". */
  subject: string;
}

/** Other people's scores, or why they are not shown yet (to avoid anchoring on them). */
export function TeamRatings({ hidden, ratings, averageScore, subject }: TeamRatingsProps) {
  if (hidden)
    return <p className="team-ratings team-ratings--hidden">Rate first to see the team&rsquo;s ratings.</p>;
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
