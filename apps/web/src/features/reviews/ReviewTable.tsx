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
                {c.ratingsHidden ? (
                  <span className="muted">Rate first</span>
                ) : (
                  <>
                    {formatScore(c.averageScore)}
                    {c.ratingCount > 0 ? (
                      <span className="muted">
                        {' '}
                        ({c.ratingCount === 1 ? '1 rating' : `${c.ratingCount} ratings`})
                      </span>
                    ) : null}
                  </>
                )}
              </td>
              <td>{formatScore(c.myScore)}</td>
              <td>{c.decision ? decisionLabels[c.decision] : <span className="muted">None</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
