import type { CandidateReview } from '@oneway/shared';
import { Link } from 'react-router';
import { reviewCandidatePath } from './reviewQueries.ts';

/** Previous and next candidate in the list's order, without going back to the list. */
export function CandidateNav({
  interviewId,
  review,
  search,
}: {
  interviewId: string;
  review: CandidateReview;
  search: string;
}) {
  const { previousId, nextId, position, count } = review.navigation;
  return (
    <nav className="candidate-nav" aria-label="Candidates">
      {previousId ? (
        <Link to={reviewCandidatePath(interviewId, previousId, search)} rel="prev">
          ← Previous candidate
        </Link>
      ) : (
        <span className="muted">No previous candidate</span>
      )}
      {position !== null ? (
        <span className="candidate-nav__position">
          {position} of {count}
        </span>
      ) : null}
      {nextId ? (
        <Link to={reviewCandidatePath(interviewId, nextId, search)} rel="next">
          Next candidate →
        </Link>
      ) : (
        <span className="muted">No next candidate</span>
      )}
    </nav>
  );
}
