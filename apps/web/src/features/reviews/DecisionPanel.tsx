import { decisionValues, type CandidateReview, type Decision } from '@oneway/shared';
import { useState } from 'react';
import { formatDateTime } from '../../lib/formatDate.ts';
import type { Feedback } from '../interviews/usePageFeedback.ts';
import { decisionLabels } from './reviewFormat.ts';
import { useDecide } from './reviewQueries.ts';

/** The team's decision on a candidate; owners, admins and recruiters change it. */
export function DecisionPanel({ review, feedback }: { review: CandidateReview; feedback: Feedback }) {
  const current = review.decision;
  const decide = useDecide(review.invitationId);
  const [decision, setDecision] = useState<Decision | null>(current?.decision ?? null);
  const [note, setNote] = useState(current?.note ?? '');
  const [error, setError] = useState<string | null>(null);

  return (
    <section className="panel" aria-labelledby="decision-heading">
      <h2 id="decision-heading">Decision</h2>
      {current ? (
        <p>
          <strong>{decisionLabels[current.decision]}</strong>, by {current.decidedBy.name} on{' '}
          {formatDateTime(current.decidedAt)}
          {current.note ? <span className="block break-anywhere">“{current.note}”</span> : null}
        </p>
      ) : (
        <p className="muted">No decision yet.</p>
      )}
      {review.permissions.canDecide ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!decision) {
              setError('Choose advance, hold or reject.');
              return;
            }
            setError(null);
            decide.mutate(
              { decision, note: note.trim() || null },
              {
                onSuccess: () => feedback.success(`Decision saved: ${decisionLabels[decision]}.`),
                onError: feedback.failure,
              },
            );
          }}
        >
          <fieldset className="decision-options">
            <legend className="field__label">Your decision</legend>
            {error ? (
              <p className="field__error" role="alert">
                {error}
              </p>
            ) : null}
            {decisionValues.map((value) => (
              <div key={value} className="radio">
                <input
                  id={`decision-${value}`}
                  type="radio"
                  name="decision"
                  checked={decision === value}
                  onChange={() => setDecision(value)}
                />
                <label htmlFor={`decision-${value}`}>{decisionLabels[value]}</label>
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label className="field__label" htmlFor="decision-note">
              Note (optional)
            </label>
            <textarea
              id="decision-note"
              className="input textarea"
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={decide.isPending}>
            Save decision
          </button>
        </form>
      ) : null}
    </section>
  );
}
