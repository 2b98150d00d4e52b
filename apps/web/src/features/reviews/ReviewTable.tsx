import type { ReviewCandidate } from '@oneway/shared';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/formatDate.ts';
import { InvitationStatusBadge } from '../invitations/InvitationStatusBadge.tsx';
import { decisionLabels, formatScore } from './reviewFormat.ts';
import { reviewCandidatePath } from './reviewQueries.ts';

interface ReviewTableProps {
  interviewId: string;
  candidates: ReviewCandidate[];
  search: string;
  selected: ReadonlySet<string>;
  onToggle: (id: string, checked: boolean) => void;
}

/** What the Average cell says: the score, nothing to rate yet, or that it shows once the viewer has rated. */
function AverageCell({ c }: { c: ReviewCandidate }) {
  if (c.status !== 'completed' || c.answeredCount === 0) {
    return (
      <span className="muted">
        –
        <span className="visually-hidden">
          {c.status === 'completed' ? 'no answers' : 'not submitted yet'}
        </span>
      </span>
    );
  }
  // Hidden until every answer is scored or an overall score given, so a partly rated candidate says so.
  if (c.ratingsHidden)
    return <span className="muted">{c.myScore === null ? 'Rate first' : 'Finish rating'}</span>;
  return (
    <>
      {formatScore(c.averageScore)}
      {c.ratingCount > 0 ? (
        <span className="muted"> ({c.ratingCount === 1 ? '1 rating' : `${c.ratingCount} ratings`})</span>
      ) : null}
    </>
  );
}

/** The decision, or that the team's view is hidden until the viewer rates. */
function DecisionCell({ c }: { c: ReviewCandidate }) {
  if (c.decision) return <>{decisionLabels[c.decision]}</>;
  if (c.ratingsHidden && c.status === 'completed') return <span className="muted">Shown once you rate</span>;
  return <span className="muted">None</span>;
}

/** The candidates with their team scores; the name opens the candidate's review. */
export function ReviewTable({ interviewId, candidates, search, selected, onToggle }: ReviewTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table review-table">
        <caption className="visually-hidden">Candidates to review</caption>
        <thead>
          <tr>
            <td>
              <span className="visually-hidden">Select</span>
            </td>
            <th scope="col">Candidate</th>
            <th scope="col">Status</th>
            <th scope="col">Completed</th>
            <th scope="col">Answers</th>
            <th scope="col">Average</th>
            <th scope="col">My score</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => (
            <tr key={c.invitationId} className={selected.has(c.invitationId) ? 'is-selected' : undefined}>
              <td>
                <input
                  type="checkbox"
                  className="checkbox"
                  aria-label={`Select ${c.name}`}
                  checked={selected.has(c.invitationId)}
                  disabled={c.status !== 'completed'}
                  onChange={(event) => onToggle(c.invitationId, event.target.checked)}
                />
              </td>
              <th scope="row">
                <Link to={reviewCandidatePath(interviewId, c.invitationId, search)}>{c.name}</Link>
                {c.email ? <span className="candidate-table__sub break-anywhere">{c.email}</span> : null}
                {c.accommodationsApplied ? <span className="marker">Accommodations applied</span> : null}
              </th>
              <td>
                <InvitationStatusBadge status={c.status} />
              </td>
              <td>
                {c.completedAt ? <time dateTime={c.completedAt}>{formatDateTime(c.completedAt)}</time> : '–'}
              </td>
              <td>
                {c.answeredCount} of {c.questionCount}
              </td>
              <td>
                <AverageCell c={c} />
              </td>
              <td>{formatScore(c.myScore)}</td>
              <td>
                <DecisionCell c={c} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
