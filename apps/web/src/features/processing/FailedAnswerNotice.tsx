import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { canManageOrganisation, useSignedInSession } from '../auth/useSession.ts';
import { RetryButton } from './RetryButton.tsx';
import { useTakeProcessing } from './useProcessing.ts';
import './processing.css';

const keptOriginal = 'The original recording is kept, so the candidate does not need to record again.';

/** Where processing failed on our side, for anyone: the answer is being fixed and nothing is lost. */
export function BeingFixedNotice() {
  return (
    <p className="alert alert--error">
      This recording could not be prepared for playback yet, and is being fixed. {keptOriginal}
    </p>
  );
}

/** On a member's candidate page: owners and admins see why processing failed and can retry it there. */
export function FailedAnswerNotice({ takeId, onRetried }: { takeId: string; onRetried: () => void }) {
  const session = useSignedInSession();
  if (!canManageOrganisation(session)) return <BeingFixedNotice />;
  return <FailedAnswerControls takeId={takeId} onRetried={onRetried} />;
}

function FailedAnswerControls({ takeId, onRetried }: { takeId: string; onRetried: () => void }) {
  const state = useTakeProcessing(takeId, true);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const isQueued = state.data ? !state.data.canRetry : false;
  return (
    <div className="alert alert--error failed-answer">
      <p>
        <strong>
          {isQueued ? 'Processing failed and is queued again.' : 'Processing this recording failed.'}
        </strong>{' '}
        The candidate does not need to record again.
      </p>
      {state.data?.reason && !isQueued ? <p>{state.data.reason}</p> : null}
      {state.data?.detail && !isQueued ? (
        <details className="processing-item__detail">
          <summary>Technical detail</summary>
          <code className="break-anywhere">{state.data.detail}</code>
        </details>
      ) : null}
      <ErrorMessage error={state.error ?? error} />
      <div className="failed-answer__actions">
        {state.data?.canRetry ? (
          <RetryButton
            takeId={takeId}
            label="Retry processing"
            onSuccess={() => {
              setError(null);
              setMessage('Processing is queued again. It usually takes a minute.');
            }}
            onError={(failure) => {
              setMessage(null);
              setError(failure);
            }}
          />
        ) : null}
        {isQueued ? (
          <button type="button" className="button button--small" onClick={onRetried}>
            Check again
          </button>
        ) : null}
      </div>
      <p role="status" className={message ? undefined : 'visually-hidden'}>
        {message}
      </p>
    </div>
  );
}
