import type { InvitationStatus } from '@oneway/shared';
import { statusLabels } from './invitationLabels.ts';

/** The status in words, with colour only as a second cue. */
export function InvitationStatusBadge({ status }: { status: InvitationStatus }) {
  return <span className={`badge badge--status-${status}`}>{statusLabels[status]}</span>;
}
