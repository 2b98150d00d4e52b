import {
  accommodationsSchema,
  requestedAccommodationsSchema,
  type CandidateRequest,
  type InvitationRequest,
  type RequestedAccommodations,
} from '@oneway/shared';
import type { InvitationRequestsTable } from '../../db/schema/invitation-requests.ts';
import { parseAccommodations } from '../candidate/candidate-landing.ts';
import type { InvitationRequestRow } from './invitation-requests.repository.ts';

type Outcome = NonNullable<InvitationRequest['outcome']>;

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function parseRequestedAccommodations(row: InvitationRequestsTable): RequestedAccommodations | null {
  if (row.kind !== 'accommodation') return null;
  const parsed = requestedAccommodationsSchema.safeParse(parseJson(row.requested));
  return parsed.success ? parsed.data : null;
}

export function parseRequestedDays(row: InvitationRequestsTable): number | null {
  if (row.kind !== 'extension') return null;
  const days = Number(row.requested);
  return Number.isInteger(days) ? days : null;
}

function parseOutcome(row: InvitationRequestsTable): Outcome | null {
  const value = parseJson(row.outcome);
  if (value === null || typeof value !== 'object') return null;
  const { deadline, accommodations, message } = value as Record<string, unknown>;
  const parsedAccommodations = accommodationsSchema.safeParse(accommodations);
  return {
    ...(typeof deadline === 'string' ? { deadline } : {}),
    ...(parsedAccommodations.success ? { accommodations: parsedAccommodations.data } : {}),
    ...(typeof message === 'string' ? { message } : {}),
  };
}

/** A request as the candidate sees it: what they asked for and where it stands, without the employer's notes. */
export function toCandidateRequest(row: InvitationRequestsTable): CandidateRequest {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    autoApproved: row.auto_approved === 1,
    days: parseRequestedDays(row),
    accommodations: parseRequestedAccommodations(row),
    newDeadline: row.status === 'approved' ? (parseOutcome(row)?.deadline ?? null) : null,
    createdAt: row.created_at,
  };
}

/** A request as the employer sees it, with the candidate, the interview and the invitation's current terms. */
export function toInvitationRequest(row: InvitationRequestRow): InvitationRequest {
  return {
    id: row.id,
    invitationId: row.invitation_id,
    interviewId: row.interview_id,
    interviewTitle: row.interview_title,
    candidateName: row.candidate_name,
    candidateEmail: row.candidate_email,
    kind: row.kind,
    status: row.status,
    autoApproved: row.auto_approved === 1,
    days: parseRequestedDays(row),
    accommodations: parseRequestedAccommodations(row),
    reason: row.reason,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    outcome: parseOutcome(row),
    currentDeadline: new Date(row.deadline_at).toISOString(),
    currentAccommodations: parseAccommodations(row.accommodations),
  };
}
