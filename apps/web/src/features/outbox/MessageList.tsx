import type { OutboxMessage } from '@oneway/shared';
import { formatDateTime } from '../../lib/formatDate.ts';
import { StatusBadge } from './StatusBadge.tsx';

interface MessageListProps {
  messages: OutboxMessage[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** Every message as a button showing recipient, subject, status and time. */
export function MessageList({ messages, selectedId, onSelect }: MessageListProps) {
  return (
    <section className="outbox__list" aria-labelledby="messages-heading">
      <h2 id="messages-heading" className="visually-hidden">
        Messages
      </h2>
      <ul className="message-list">
        {messages.map((message) => (
          <li key={message.id}>
            <button
              type="button"
              className="message-list__item"
              aria-current={message.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(message.id)}
            >
              <span className="message-list__subject">{message.subject}</span>
              <span className="message-list__to break-anywhere">
                <span className="visually-hidden">To: </span>
                {message.to}
              </span>
              <span className="message-list__meta">
                <StatusBadge status={message.status} />
                <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
