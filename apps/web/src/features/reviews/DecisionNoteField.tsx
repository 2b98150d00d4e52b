import { useEffect, useRef, useState } from 'react';
import { getErrorMessage } from '../../api/errorMessages.ts';
import { useSaveDecisionDraft } from './reviewQueries.ts';

const draftDelayMs = 800;

interface DecisionNoteFieldProps {
  invitationId: string;
  value: string;
  onChange: (note: string) => void;
}

/** The decision's note, kept on the server as the decider's own draft shortly after each change. */
export function DecisionNoteField({ invitationId, value, onChange }: DecisionNoteFieldProps) {
  const saveDraft = useSaveDecisionDraft(invitationId);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<number | undefined>(undefined);
  const mutate = saveDraft.mutate;

  const send = (note: string) => {
    setState('saving');
    mutate(note, {
      onSuccess: () => setState('saved'),
      onError: (failure) => {
        setError(failure);
        setState('failed');
      },
    });
  };

  // A pending draft is sent at once when the panel goes (another candidate, another page).
  const pending = useRef<string | null>(null);
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      if (pending.current !== null) mutate(pending.current);
    },
    [mutate],
  );

  return (
    <div className="field">
      <label className="field__label" htmlFor="decision-note">
        Note (optional)
      </label>
      <p className="field__hint" id="decision-note-hint">
        Kept as your draft while you write; the team sees it once you save the decision.
      </p>
      <textarea
        id="decision-note"
        className="input textarea"
        rows={2}
        maxLength={2000}
        aria-describedby="decision-note-hint decision-note-state"
        value={value}
        onChange={(event) => {
          const note = event.target.value;
          onChange(note);
          pending.current = note;
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => {
            pending.current = null;
            send(note);
          }, draftDelayMs);
        }}
      />
      <p className="save-status__text" id="decision-note-state" role="status">
        {state === 'saving' ? 'Saving draft…' : state === 'saved' ? 'Draft saved' : null}
      </p>
      {state === 'failed' ? (
        <p className="field__error" role="alert">
          Draft not saved — {getErrorMessage(error)}{' '}
          <button type="button" className="button button--small" onClick={() => send(value)}>
            Retry<span className="visually-hidden"> saving the note</span>
          </button>
        </p>
      ) : null}
    </div>
  );
}
