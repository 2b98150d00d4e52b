import type { InvitationRequest } from '@oneway/shared';
import { useRef, useState } from 'react';
import { formatDateTime } from '../../lib/formatDate.ts';
import { ApproveRequestForm } from './ApproveRequestForm.tsx';
import { DeclineRequestForm } from './DeclineRequestForm.tsx';
import { describeRequest } from './describeRequest.ts';

interface RequestItemProps {
  request: InvitationRequest;
  /** Show which interview the request is for (on the organisation-wide page). */
  showInterview: boolean;
  onDecided: (message: string) => void;
}

/** One pending request with what was asked and why, and Approve / Decline that open their forms in place. */
export function RequestItem({ request, showInterview, onDecided }: RequestItemProps) {
  const [mode, setMode] = useState<'idle' | 'approve' | 'decline'>('idle');
  const approveRef = useRef<HTMLButtonElement>(null);
  const what = request.kind === 'extension' ? 'More time' : 'Accommodation';

  function cancel() {
    setMode('idle');
    // Wait for the buttons to come back before focusing one.
    requestAnimationFrame(() => approveRef.current?.focus());
  }

  return (
    <li className="item request-item">
      <div className="item__main">
        <p className="item__title">
          {request.candidateName} <span className="item__tag">· {what}</span>
        </p>
        <p className="item__meta">
          {showInterview ? <span>{request.interviewTitle}</span> : null}
          <span>Asked {formatDateTime(request.createdAt)}</span>
          <span>Deadline now {formatDateTime(request.currentDeadline)}</span>
        </p>
        <p className="request-item__asked">
          Asks for: <strong>{describeRequest(request)}</strong>
        </p>
        {request.reason ? (
          <p className="request-item__reason">
            <span className="visually-hidden">Reason: </span>“{request.reason}”
          </p>
        ) : null}
      </div>
      {mode === 'idle' ? (
        <div className="item__actions">
          <button
            ref={approveRef}
            type="button"
            className="button button--small button--primary"
            aria-label={`Approve: ${what.toLowerCase()} for ${request.candidateName}`}
            onClick={() => setMode('approve')}
          >
            Approve…
          </button>
          <button
            type="button"
            className="button button--small button--danger-quiet"
            aria-label={`Decline: ${what.toLowerCase()} for ${request.candidateName}`}
            onClick={() => setMode('decline')}
          >
            Decline…
          </button>
        </div>
      ) : mode === 'approve' ? (
        <ApproveRequestForm request={request} onDone={onDecided} onCancel={cancel} />
      ) : (
        <DeclineRequestForm request={request} onDone={onDecided} onCancel={cancel} />
      )}
    </li>
  );
}
