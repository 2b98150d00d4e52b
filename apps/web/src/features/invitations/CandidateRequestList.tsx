import {
  accommodationsSchema,
  requestedAccommodationsSchema,
  type InvitationDetail,
  type InvitationRequestSummary,
} from '@oneway/shared';
import { useRef, useState } from 'react';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { formatDateTime } from '../../lib/formatDate.ts';
import { plural } from '../interviews/format/durations.ts';
import { describeAccommodations } from '../invitation-requests/describeRequest.ts';
import { RequestItem } from '../invitation-requests/RequestItem.tsx';
import { usePendingInvitationRequests } from '../invitation-requests/useInvitationRequests.ts';

/** What a decided request asked for and what came of it. */
function describeDecided(request: InvitationRequestSummary): string {
  const requested = requestedAccommodationsSchema.safeParse(request.requested);
  const asked =
    request.kind === 'extension'
      ? typeof request.requested === 'number'
        ? `More time: ${plural(request.requested, 'day', 'days')}`
        : 'More time'
      : `Accommodation: ${describeAccommodations(requested.success ? requested.data : {})}`;
  const outcome = (request.outcome ?? {}) as { deadline?: unknown; accommodations?: unknown };
  let result: string = request.status === 'approved' ? 'approved' : 'declined';
  if (request.autoApproved) result = 'approved automatically';
  if (request.status === 'approved' && typeof outcome.deadline === 'string') {
    result += `, new deadline ${formatDateTime(outcome.deadline)}`;
  }
  const granted = accommodationsSchema.safeParse(outcome.accommodations);
  if (request.status === 'approved' && granted.success) {
    result += `, granted ${describeAccommodations(granted.data)}`;
  }
  return `${asked} (${result})`;
}

/** This candidate's requests: those waiting, with Approve and Decline, and those already answered. */
export function CandidateRequestList({ invitation }: { invitation: InvitationDetail }) {
  const pending = usePendingInvitationRequests(invitation.interviewId);
  const mine = (pending.data ?? []).filter((r) => r.invitationId === invitation.id);
  const decided = invitation.requests.filter((r) => r.status !== 'pending');
  const [status, setStatus] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  if (mine.length === 0 && decided.length === 0 && !status) return null;
  return (
    <section className="panel" aria-labelledby="requests-heading">
      <h2 id="requests-heading" ref={headingRef} tabIndex={-1}>
        Requests{mine.length > 0 ? ` (${mine.length} waiting)` : ''}
      </h2>
      <StatusMessage message={status} onDismiss={() => setStatus(null)} />
      {mine.length > 0 ? (
        <ul className="item-list">
          {mine.map((request) => (
            <RequestItem
              key={request.id}
              request={request}
              showInterview={false}
              onDecided={(message) => {
                setStatus(message);
                headingRef.current?.focus();
              }}
            />
          ))}
        </ul>
      ) : null}
      {decided.length > 0 ? (
        <ul className="request-history">
          {decided.map((request) => (
            <li key={request.id}>
              {describeDecided(request)}
              <span className="muted">
                {' '}
                · asked <time dateTime={request.createdAt}>{formatDateTime(request.createdAt)}</time>
              </span>
              {request.reason ? <span className="request-history__reason">“{request.reason}”</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
