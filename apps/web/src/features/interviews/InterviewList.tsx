import type { InterviewCounts, InterviewSummary } from '@oneway/shared';
import { Link } from 'react-router';
import { formatDate } from '../../lib/formatDate.ts';
import { plural } from './format/durations.ts';
import { reviewListPath } from '../reviews/reviewQueries.ts';
import { interviewPath } from './interviewQueries.ts';

/** Where candidates stand now: each candidate counts once, under their current step. */
export const countLabels: Record<keyof InterviewCounts, string> = {
  invited: 'Not opened yet',
  opened: 'Opened',
  started: 'Started',
  completed: 'Completed',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
};

/**
 * Each interview with its role, questions, candidates per status, creation date and, when `toReview` has it, how
 * many completed candidates wait for the viewer's review.
 */
export function InterviewList({
  interviews,
  toReview,
}: {
  interviews: InterviewSummary[];
  toReview?: ReadonlyMap<string, number>;
}) {
  return (
    <ul className="item-list interview-list">
      {interviews.map((interview) => (
        <li key={interview.id} className="item interview-list__item">
          <div className="item__main">
            <h2 className="interview-list__title">
              <Link to={interviewPath(interview.id)}>{interview.title}</Link>
            </h2>
            {toReview?.get(interview.id) ? (
              <p className="interview-list__review">
                <Link to={reviewListPath(interview.id)} className="badge badge--attention">
                  {toReview.get(interview.id)} to review
                </Link>
              </p>
            ) : null}
            <p className="item__meta">
              <span>{interview.roleTitle || 'No role given'}</span>
              <span>{plural(interview.questionCount, 'question', 'questions')}</span>
              <span>
                Created <time dateTime={interview.createdAt}>{formatDate(interview.createdAt)}</time>
              </span>
            </p>
            <InterviewCountList counts={interview.counts} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Candidates per current status, as a compact definition list, with the total they make. */
export function InterviewCountList({ counts }: { counts: InterviewCounts }) {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return (
    <div className="counts">
      <span className="counts__label">
        {plural(total, 'candidate', 'candidates')} in all; where they are now:
      </span>
      <dl className="counts__list">
        {(Object.keys(countLabels) as (keyof InterviewCounts)[]).map((status) => (
          <div
            key={status}
            className={counts[status] > 0 ? 'counts__item' : 'counts__item counts__item--zero'}
          >
            <dt>{countLabels[status]}</dt>
            <dd>{counts[status]}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
