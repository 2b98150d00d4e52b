import type { OutboxMessage } from '@oneway/shared';

const statusLabels: Record<OutboxMessage['status'], string> = {
  queued: 'Queued',
  sent: 'Sent',
  kept: 'Not delivered (kept here)',
  failed: 'Failed',
  held: 'Held',
};

/** The delivery status in words, with colour only as a second cue. */
export function StatusBadge({ status }: { status: OutboxMessage['status'] }) {
  return <span className={`badge badge--${status}`}>{statusLabels[status]}</span>;
}
