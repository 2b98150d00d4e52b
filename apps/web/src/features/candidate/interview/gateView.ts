/**
 * What InterviewGate shows, from the interview query's state. A take being recorded or saved is never unmounted by
 * what a refresh brings (a failure, the deadline, a submission from another device): the page stays, and the rest
 * waits until the take is done. Without any data yet, a failure is the page.
 */
export type GateView = 'loading' | 'failed' | 'done' | 'consent' | 'expired' | 'page';

export interface GateState {
  /** The last interview that arrived, if any did. */
  interview: { submittedAt: string | null; consentedAt: string | null; expired: boolean } | undefined;
  /** The error code of the last fetch when it failed ('unknown' for a non-API error); null when it worked. */
  errorCode: string | null;
  isFetching: boolean;
  /** A take on this page is starting, recording or finishing. */
  isTakeBusy: boolean;
}

/** Errors that end what this page can do: the session or the invitation is over; asking again will not help. */
const endingCodes = new Set(['candidate_session_invalid', 'invitation_withdrawn', 'invitation_completed']);

export function isEndingError(errorCode: string | null): boolean {
  return errorCode !== null && endingCodes.has(errorCode);
}

export function chooseGateView({ interview, errorCode, isFetching, isTakeBusy }: GateState): GateView {
  if (interview && isTakeBusy) return 'page';
  if (errorCode !== null && (!interview || isEndingError(errorCode))) {
    return errorCode === 'invitation_completed' ? 'done' : 'failed';
  }
  if (!interview) return 'loading';
  if (interview.submittedAt) return 'done';
  // Consent given a moment ago on the consent page arrives with a refetch, not in the cached copy.
  if (!interview.consentedAt) return isFetching ? 'loading' : 'consent';
  if (interview.expired) return 'expired';
  return 'page';
}

/** The page is up but its last refresh failed for a reason that may pass (offline, server restarting, busy). */
export function isRefreshFailing({ interview, errorCode }: GateState): boolean {
  return interview !== undefined && errorCode !== null && !isEndingError(errorCode);
}

/** Whether to keep asking the server again: after any failure that may pass, with or without data. */
export function shouldRetryRefresh(errorCode: string | null): boolean {
  return errorCode !== null && !isEndingError(errorCode);
}

/**
 * After the deadline, until `graceUntil`, answers started in time may still be chosen and submitted: the server
 * keeps `expired` false then. (The landing page's own `expired` says only that the deadline passed.)
 */
export function isInGracePeriod(interview: { expired: boolean; graceUntil?: string | null }): boolean {
  return !interview.expired && typeof interview.graceUntil === 'string';
}
