import type { ProcessingOverview, ProcessingProblem } from '@oneway/shared';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/formatDate.ts';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { reviewCandidatePath } from '../reviews/reviewQueries.ts';
import { ProcessingBadge } from './ProcessingBadge.tsx';
import { RetryButton } from './RetryButton.tsx';

interface ProblemListProps {
  overview: ProcessingOverview;
  feedback: Feedback;
}

export function ProblemList({ overview, feedback }: ProblemListProps) {
  return (
    <>
      <ul className="item-list processing-list" aria-label="Recordings that need attention">
        {overview.problems.map((problem) => (
          <ProblemRow key={problem.takeId} problem={problem} feedback={feedback} />
        ))}
      </ul>
      {overview.hasMore ? (
        <p className="hint">Showing the newest {overview.problems.length}. Retry these to see older ones.</p>
      ) : null}
    </>
  );
}

const answerOf = (p: ProcessingProblem) =>
  `${p.candidateName}’s answer${p.questionPosition === null ? '' : ` to question ${p.questionPosition}`}`;

function ProblemRow({ problem, feedback }: { problem: ProcessingProblem; feedback: Feedback }) {
  const isRetried = problem.status !== 'failed' && !problem.isStuck;
  const tries = `${problem.attempts} ${problem.attempts === 1 ? 'try' : 'tries'}`;
  return (
    <li className="item processing-item">
      <div className="item__main">
        <p className="item__title break-anywhere">
          {answerOf(problem)} <ProcessingBadge problem={problem} />
        </p>
        <p className="item__meta">
          <span className="break-anywhere">{problem.interviewTitle}</span>
          <span>{tries}</span>
          <span>
            Last try <time dateTime={problem.lastAttemptAt}>{formatDateTime(problem.lastAttemptAt)}</time>
          </span>
        </p>
        <p className="processing-item__reason">
          {isRetried
            ? 'Queued again. It usually takes a minute; refresh to see the outcome.'
            : problem.reason}
        </p>
        {problem.detail && !isRetried ? (
          <details className="processing-item__detail">
            <summary>Technical detail</summary>
            <code className="break-anywhere">{problem.detail}</code>
          </details>
        ) : null}
      </div>
      <div className="item__actions">
        <Link
          className="button button--small"
          to={reviewCandidatePath(problem.interviewId, problem.invitationId)}
        >
          Open review<span className="visually-hidden"> of {problem.candidateName}</span>
        </Link>
        {isRetried ? null : (
          <RetryButton
            takeId={problem.takeId}
            label="Retry"
            context={`processing of ${answerOf(problem)}`}
            onSuccess={() => feedback.success(`Processing of ${answerOf(problem)} is queued again.`)}
            onError={feedback.failure}
          />
        )}
      </div>
    </li>
  );
}
