import { useId, useRef, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { RequestItem } from './RequestItem.tsx';
import { usePendingInvitationRequests } from './useInvitationRequests.ts';
import './invitation-requests.css';

interface PendingRequestsProps {
  /** Only this interview's requests; all of the organisation's when left out. */
  interviewId?: string;
  /** The section's heading level: h2 inside a page, the default. */
  headingLevel?: 2 | 3;
}

/** Candidates' requests for more time or accommodations that wait for an answer, with Approve and Decline. */
export function PendingRequests({ interviewId, headingLevel = 2 }: PendingRequestsProps) {
  const headingId = useId();
  const requests = usePendingInvitationRequests(interviewId);
  const [status, setStatus] = useState<string | null>(null);
  const sectionRef = useRef<HTMLHeadingElement>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const count = requests.data?.length ?? 0;

  function handleDecided(message: string) {
    setStatus(message);
    // The decided request leaves the list; focus goes to the section's heading rather than the page's start.
    sectionRef.current?.focus();
  }

  return (
    <section className="panel pending-requests" aria-labelledby={headingId}>
      <Heading id={headingId} ref={sectionRef} tabIndex={-1}>
        Requests from candidates{count > 0 ? ` (${count})` : ''}
      </Heading>
      <StatusMessage message={status} onDismiss={() => setStatus(null)} />
      {requests.isPending ? (
        <Loading label="Loading requests…" />
      ) : requests.isError ? (
        <ErrorMessage error={requests.error} />
      ) : requests.data.length === 0 ? (
        <p className="empty">No requests are waiting for an answer.</p>
      ) : (
        <ul className="item-list">
          {requests.data.map((request) => (
            <RequestItem
              key={request.id}
              request={request}
              showInterview={!interviewId}
              onDecided={handleDecided}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
