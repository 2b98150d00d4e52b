import { useEffect, useRef, useState, type RefObject } from 'react';
import { getErrorMessage } from '../../api/errorMessages.ts';
import { useSaveDecisionDraft } from './reviewQueries.ts';

const draftDelayMs = 800;

/** Lets the decision form end the draft before it saves the decision, which drops the draft on the server. */
export interface NoteDraftHandle {
  /** Sends no more drafts for what was typed so far, and resolves once a draft already on its way has landed. */
  settle: () => Promise<void>;
}

interface DecisionNoteFieldProps {
  invitationId: string;
  value: string;
  onChange: (note: string) => void;
  handle: RefObject<NoteDraftHandle | null>;
}

/** The decision's note, kept on the server as the decider's own draft shortly after each change. */
export function DecisionNoteField({ invitationId, value, onChange, handle }: DecisionNoteFieldProps) {
  const saveDraft = useSaveDecisionDraft(invitationId);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());
  const mutateAsync = saveDraft.mutateAsync;

  const send = (note: string) => {
    setState('saving');
    const sent = mutateAsync(note).then(
      () => setState('saved'),
      (failure: unknown) => {
        setError(failure);
        setState('failed');
      },
    );
    inFlight.current = sent;
  };

  // A pending draft is sent at once when the panel goes (another candidate, another page).
  const pending = useRef<string | null>(null);
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      if (pending.current !== null) void mutateAsync(pending.current).catch(() => undefined);
    },
    [mutateAsync],
  );

  // Saving the decision ends the draft: a draft timer firing after it would bring back a note already decided.
  useEffect(() => {
    handle.current = {
      settle: async () => {
        window.clearTimeout(timer.current);
        pending.current = null;
        await inFlight.current;
        setState('idle');
      },
    };
    return () => {
      handle.current = null;
    };
  }, [handle]);

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
