import { getErrorMessage } from '../../api/errorMessages.ts';
import type { SaveState } from './useScoreAutosave.ts';

interface SaveStatusProps {
  state: SaveState | undefined;
  error: unknown;
  /** "your score for question 2": what a retry saves, for its button's name. */
  subject: string;
  onRetry: () => void;
}

/** Whether a picked score reached the server: "Saving…", "Saved", or "Not saved" with a way to try again. */
export function SaveStatus({ state, error, subject, onRetry }: SaveStatusProps) {
  return (
    <div className="save-status">
      <p className="save-status__text" role="status">
        {state === 'saving' ? 'Saving…' : state === 'saved' ? 'Saved' : null}
      </p>
      {state === 'failed' ? (
        <div className="save-status__failed" role="alert">
          <p>
            Not saved — {getErrorMessage(error)}{' '}
            <button type="button" className="button button--small" onClick={onRetry}>
              Retry<span className="visually-hidden"> saving {subject}</span>
            </button>
          </p>
        </div>
      ) : null}
    </div>
  );
}
