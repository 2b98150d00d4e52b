import type { OutboxMessage } from '@oneway/shared';
import type { RefObject } from 'react';
import { formatDateTime } from '../../lib/formatDate.ts';
import { LinkifiedText } from './LinkifiedText.tsx';
import { StatusBadge } from './StatusBadge.tsx';

interface MessageDetailProps {
  message: OutboxMessage | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** The selected message's headers and text body, with its links clickable. */
export function MessageDetail({ message, headingRef }: MessageDetailProps) {
  return (
    <section className="outbox__detail panel" aria-labelledby="message-heading">
      <h2 id="message-heading" ref={headingRef} tabIndex={-1}>
        {message ? message.subject : 'No message selected'}
      </h2>
      {message ? (
        <>
          <dl className="details-list details-list--compact">
            <div>
              <dt>To</dt>
              <dd className="break-anywhere">{message.to}</dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>
                <StatusBadge status={message.status} />
              </dd>
            </div>
            <div>
              <dt>Delivery</dt>
              <dd>
                {message.transport === 'outbox'
                  ? 'Kept here only: no mail server is configured'
                  : 'By e-mail through the mail server'}
              </dd>
            </div>
            <div>
              <dt>Created</dt>
              <dd>
                <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
              </dd>
            </div>
            {message.heldReason ? (
              <div>
                <dt>Held</dt>
                <dd>
                  {message.heldReason === 'daily_limit'
                    ? 'The organisation has sent as many e-mails today as it may. It goes out tomorrow (UTC).'
                    : 'The organisation is suspended. It goes out when an administrator restores it.'}
                </dd>
              </div>
            ) : null}
            {message.error ? (
              <div>
                <dt>Error</dt>
                <dd>{message.error}</dd>
              </div>
            ) : null}
          </dl>
          <LinkifiedText text={message.text} />
        </>
      ) : (
        <p className="empty">Choose a message to read it.</p>
      )}
    </section>
  );
}
