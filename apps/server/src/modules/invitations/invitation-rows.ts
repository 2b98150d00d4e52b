import {
  accommodationsSchema,
  hasAccommodations,
  noAccommodations,
  type Accommodations,
  type Invitation,
  type InvitationRequestSummary,
} from '@oneway/shared';
import type { InvitationRequestsTable } from '../../db/schema/invitation-requests.ts';
import type { InvitationRow } from './invitations.repository.ts';

/** The stored JSON, or no accommodations when it cannot be read (never a reason to fail a page). */
export function parseAccommodations(json: string): Accommodations {
  try {
    const parsed = accommodationsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : noAccommodations;
  } catch {
    return noAccommodations;
  }
}

export function toInvitation(row: InvitationRow, pendingRequestCount = 0): Invitation {
  const accommodations = parseAccommodations(row.accommodations);
  return {
    id: row.id,
    interviewId: row.interview_id,
    interviewVersionId: row.interview_version_id,
    name: row.candidate_name,
    email: row.candidate_email,
    phone: row.candidate_phone,
    externalId: row.external_id,
    status: row.status,
    deadline: row.deadline_at,
    candidateTimeZone: row.candidate_time_zone,
    accommodations,
    hasAccommodations: hasAccommodations(accommodations),
    extensionsGranted: row.extensions_granted,
    pendingRequestCount,
    invitedAt: row.created_at,
    openedAt: row.opened_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    withdrawnAt: row.withdrawn_at,
    expiredAt: row.expired_at,
    lastActivityAt: row.last_activity_at,
  };
}

const parseJson = (json: string | null): unknown => {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    // extension requests store a bare number of days, which is JSON too; anything else is shown as written.
    return json;
  }
};

export function toRequestSummary(row: InvitationRequestsTable): InvitationRequestSummary {
  return {
    id: row.id,
    kind: row.kind,
    reason: row.reason,
    requested: parseJson(row.requested),
    status: row.status,
    autoApproved: Boolean(row.auto_approved),
    decidedAt: row.decided_at,
    outcome: parseJson(row.outcome),
    createdAt: row.created_at,
  };
}
