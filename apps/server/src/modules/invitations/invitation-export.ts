import type { Invitation } from '@oneway/shared';
import { toCsvDocument } from '../../lib/csv-export.ts';

const header = [
  'name',
  'email',
  'phone',
  'external_id',
  'status',
  'deadline',
  'invited_at',
  'opened_at',
  'started_at',
  'completed_at',
  'withdrawn_at',
  'expired_at',
  'last_activity_at',
  'accommodations_applied',
  'extensions_granted',
];

/** The invitations as a CSV file, one row per invitation. */
export function buildInvitationsCsv(invitations: Invitation[]): string {
  const rows = invitations.map((i) => [
    i.name,
    i.email,
    i.phone,
    i.externalId,
    i.status,
    i.deadline,
    i.invitedAt,
    i.openedAt,
    i.startedAt,
    i.completedAt,
    i.withdrawnAt,
    i.expiredAt,
    i.lastActivityAt,
    // Only that accommodations applied, never which or why.
    i.hasAccommodations ? 'yes' : 'no',
    i.extensionsGranted,
  ]);
  return toCsvDocument(header, rows);
}
