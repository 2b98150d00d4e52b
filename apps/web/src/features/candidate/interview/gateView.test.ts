import { describe, expect, it } from 'vitest';
import {
  chooseGateView,
  isInGracePeriod,
  isRefreshFailing,
  shouldRetryRefresh,
  type GateState,
} from './gateView.ts';

const interview = { submittedAt: null, consentedAt: '2030-01-01T09:00:00Z', expired: false };

function state(change: Partial<GateState> = {}): GateState {
  return { interview, errorCode: null, isFetching: false, isTakeBusy: false, ...change };
}

describe('chooseGateView', () => {
  it('keeps the page when a refresh fails and there is data, and says so beside it', () => {
    const failed = state({ errorCode: 'network_error' });
    expect(chooseGateView(failed)).toBe('page');
    expect(isRefreshFailing(failed)).toBe(true);
    expect(chooseGateView(state({ errorCode: 'internal_error' }))).toBe('page');
    expect(chooseGateView(state({ errorCode: 'storage_unavailable' }))).toBe('page');
  });

  it('shows the failure only when nothing has arrived yet', () => {
    expect(chooseGateView(state({ interview: undefined, errorCode: 'network_error' }))).toBe('failed');
    expect(chooseGateView(state({ interview: undefined }))).toBe('loading');
  });

  it('never unmounts a take being recorded or saved: not for an ended session, the deadline or a submission', () => {
    const busy = { isTakeBusy: true };
    expect(chooseGateView(state({ ...busy, errorCode: 'candidate_session_invalid' }))).toBe('page');
    expect(chooseGateView(state({ ...busy, interview: { ...interview, expired: true } }))).toBe('page');
    expect(chooseGateView(state({ ...busy, interview: { ...interview, submittedAt: 'x' } }))).toBe('page');
    expect(chooseGateView(state({ ...busy, interview: { ...interview, consentedAt: null } }))).toBe('page');
  });

  it('once no take is busy, an ended session, a submission and the end of the grace period show as before', () => {
    expect(chooseGateView(state({ errorCode: 'candidate_session_invalid' }))).toBe('failed');
    expect(chooseGateView(state({ errorCode: 'invitation_completed' }))).toBe('done');
    expect(chooseGateView(state({ interview: { ...interview, submittedAt: 'x' } }))).toBe('done');
    expect(chooseGateView(state({ interview: { ...interview, expired: true } }))).toBe('expired');
  });

  it('waits for a refetch before sending a candidate without consent to the consent page', () => {
    const noConsent = { ...interview, consentedAt: null };
    expect(chooseGateView(state({ interview: noConsent, isFetching: true }))).toBe('loading');
    expect(chooseGateView(state({ interview: noConsent }))).toBe('consent');
  });
});

describe('isRefreshFailing and shouldRetryRefresh', () => {
  it('do not call an ended session a connection problem, nor ask again for it', () => {
    expect(isRefreshFailing(state({ errorCode: 'candidate_session_invalid' }))).toBe(false);
    expect(shouldRetryRefresh('candidate_session_invalid')).toBe(false);
    expect(shouldRetryRefresh('invitation_withdrawn')).toBe(false);
    expect(shouldRetryRefresh('network_error')).toBe(true);
    expect(shouldRetryRefresh('internal_error')).toBe(true);
    expect(shouldRetryRefresh(null)).toBe(false);
  });
});

describe('isInGracePeriod', () => {
  it('lets a candidate past the deadline choose answers and submit until the grace ends', () => {
    expect(isInGracePeriod({ expired: false, graceUntil: '2030-01-01T12:15:00Z' })).toBe(true);
    expect(isInGracePeriod({ expired: true, graceUntil: '2030-01-01T12:15:00Z' })).toBe(false);
    expect(isInGracePeriod({ expired: false, graceUntil: null })).toBe(false);
    expect(isInGracePeriod({ expired: false })).toBe(false);
  });
});
