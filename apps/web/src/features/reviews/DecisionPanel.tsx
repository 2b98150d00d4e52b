import { decisionValues, type CandidateReview, type Decision } from '@oneway/shared';
import { useRef, useState } from 'react';
import { formatDateTime } from '../../lib/formatDate.ts';
import { byDelivery, notDelivered, useMailDelivery } from '../auth/mailDelivery.ts';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { DecisionNoteField, type NoteDraftHandle } from './DecisionNoteField.tsx';
import { decisionLabels, outcomeEmailLabels } from './reviewFormat.ts';
import { useDecide } from './reviewQueries.ts';

/** The team's decision on a candidate; owners, admins and recruiters change it, and may tell the candidate. */
export function DecisionPanel({ review, feedback }: { review: CandidateReview; feedback: Feedback }) {
  const current = review.decision;
  const decide = useDecide(review.invitationId);
  const mailDelivery = useMailDelivery();
  const [decision, setDecision] = useState<Decision | null>(current?.decision ?? null);
  const [note, setNote] = useState(review.myDecisionDraft?.note ?? current?.note ?? '');
  // Left untouched, the box follows the interview's setting for the decision chosen.
  const [notifyChoice, setNotifyChoice] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const defaultNotify = decision ? (review.interview.outcomeEmails?.[decision] ?? false) : false;
  const notify = notifyChoice ?? defaultNotify;
  const hiddenUntilRated = review.ratingsHidden && review.permissions.canRate;
  const noteDraft = useRef<NoteDraftHandle | null>(null);
  // Set from the click until the decision is on its way, so a second click while the draft settles sends nothing.
  const [isSettling, setIsSettling] = useState(false);

  async function submit() {
    if (isSettling || decide.isPending) return;
    if (!decision) {
      setError('Choose advance, hold or reject.');
      return;
    }
    setError(null);
    // The decision drops the draft on the server; no draft may land after it.
    setIsSettling(true);
    await noteDraft.current?.settle();
    setIsSettling(false);
    decide.mutate(
      { decision, note: note.trim() || null, notifyCandidate: notify },
      {
        onSuccess: (saved) => {
          const mail =
            saved.candidateEmail === 'none'
              ? ''
              : byDelivery(
                  mailDelivery,
                  ' The candidate’s e-mail is on its way.',
                  ` The candidate’s e-mail is ${notDelivered(mailDelivery)}.`,
                );
          feedback.success(`Decision saved: ${decisionLabels[decision]}.${mail}`);
        },
        onError: feedback.failure,
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="decision-heading">
      <h2 id="decision-heading">Decision</h2>
      {current ? (
        <p>
          <strong>{decisionLabels[current.decision]}</strong>, by {current.decidedBy.name} on{' '}
          {formatDateTime(current.decidedAt)}
          {current.note ? <span className="block break-anywhere">“{current.note}”</span> : null}
        </p>
      ) : hiddenUntilRated ? (
        <p className="muted">
          The team’s decision and notes show once you have rated this candidate: score every answer, or give
          an overall score.
        </p>
      ) : (
        <p className="muted">No decision yet.</p>
      )}
      {review.permissions.canDecide && hiddenUntilRated ? (
        <p className="hint">Rate this candidate first; then you can decide.</p>
      ) : null}
      {review.permissions.canDecide && !hiddenUntilRated ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
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
                  onChange={() => {
                    setDecision(value);
                    setNotifyChoice(null);
                  }}
                />
                <label htmlFor={`decision-${value}`}>{decisionLabels[value]}</label>
              </div>
            ))}
          </fieldset>
          <DecisionNoteField
            invitationId={review.invitationId}
            value={note}
            onChange={setNote}
            handle={noteDraft}
          />
          {decision ? (
            <div className="checkbox-field">
              <input
                id="decision-notify"
                type="checkbox"
                className="checkbox"
                checked={notify}
                aria-describedby="decision-notify-hint"
                onChange={(event) => setNotifyChoice(event.target.checked)}
              />
              <label htmlFor="decision-notify">E-mail the candidate the outcome</label>
              <p className="field__hint" id="decision-notify-hint">
                The “{outcomeEmailLabels[decision]}” e-mail, in the interview’s language; it is never sent
                twice.
                {defaultNotify ? ' This interview sends it unless you untick this.' : ''}
              </p>
            </div>
          ) : null}
          <button type="submit" className="button" disabled={isSettling || decide.isPending}>
            Save decision
          </button>
        </form>
      ) : null}
    </section>
  );
}
