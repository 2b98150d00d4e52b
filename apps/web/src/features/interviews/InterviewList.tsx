import type { InterviewCounts, InterviewSummary } from '@oneway/shared';
import { Link } from 'react-router';
import { formatDate } from '../../lib/formatDate.ts';
import { plural } from './format/durations.ts';
import { interviewPath } from './interviewQueries.ts';

export const countLabels: Record<keyof InterviewCounts, string> = {
  invited: 'Invited',
  opened: 'Opened',
  started: 'Started',
  completed: 'Completed',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
};

/** Each interview with its role, questions, candidates per status and creation date. */
export function InterviewList({ interviews }: { interviews: InterviewSummary[] }) {
  return (
    <ul className="item-list interview-list">
      {interviews.map((interview) => (
        <li key={interview.id} className="item interview-list__item">
          <div className="item__main">
            <h2 className="interview-list__title">
              <Link to={interviewPath(interview.id)}>{interview.title}</Link>
            </h2>
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

/** Candidates per status, as a compact definition list. */
export function InterviewCountList({ counts }: { counts: InterviewCounts }) {
  return (
    <div className="counts">
      <span className="counts__label">Candidates</span>
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
