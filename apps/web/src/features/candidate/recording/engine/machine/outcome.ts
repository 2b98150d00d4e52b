import type { RecoverableTake, TakeFailure } from '../types.ts';
import type { StoredCopy, TakeEffect, TakeMachine, Transition } from './state.ts';

/** Ends every timer, attempt and lock of a take that reached its end. */
function letGo(state: TakeMachine): TakeEffect[] {
  const effects: TakeEffect[] = [
    { type: 'clearTimer', name: 'tick' },
    { type: 'clearTimer', name: 'watchdog' },
    { type: 'clearTimer', name: 'retry' },
    { type: 'clearTimer', name: 'check' },
  ];
  if (state.upload.status === 'sending')
    effects.push({ type: 'abortAttempt', attempt: state.upload.attempt });
  if (state.mode !== 'practice') effects.push({ type: 'releaseLocks' });
  return effects;
}

/** The take as the recovery offer shows it: what this device keeps. */
export function recoverableOf(state: TakeMachine): RecoverableTake | null {
  if (state.takeId === null || state.startedAt === null) return null;
  return {
    takeId: state.takeId,
    questionId: state.questionId,
    mimeType: state.mimeType,
    bytes: state.local.bytes,
    seconds: state.elapsedMs / 1000,
    recordedAt: state.startedAt,
  };
}

/**
 * The take failed. A refused upload whose copy the server may still take stays recoverable, kept in this tab's
 * memory and in IndexedDB; one the server will never take (or refused again after a recovery) is marked refused,
 * so it is no longer offered. A camera or recorder failure keeps its copy for the next visit, as before.
 */
export function failTake(state: TakeMachine, failure: TakeFailure): Transition {
  let reported = failure;
  if (reported.kind === 'technical' && reported.reason === 'upload_refused' && state.mode === 'resume') {
    reported = { ...reported, recoverable: null };
  }
  const effects = letGo(state);
  const { takeId } = state;
  // Another tab holds the take: nothing about it changed here.
  if (takeId !== null && state.mode !== 'practice' && reported.kind !== 'other_tab') {
    const recoverable =
      reported.kind === 'technical' && reported.reason === 'upload_refused' ? reported.recoverable : null;
    const refusedForGood =
      reported.kind === 'taken_over' ||
      (reported.kind === 'technical' && reported.reason === 'upload_refused' && !recoverable);
    if (refusedForGood) effects.push({ type: 'markRefused', takeId });
    effects.push({ type: 'track', takeId, as: recoverable ? 'recoverable' : 'done' });
  }
  return { state: { ...state, step: 'failed', failure: reported, pendingFailure: null }, effects };
}

/** A refused upload as a failure: its own kind when the candidate continued on another device. */
export function refusalFailure(
  state: TakeMachine,
  refusal: { code: string | null },
  recoverable: boolean,
): TakeFailure {
  if (refusal.code === 'take_taken_over') return { kind: 'taken_over' };
  return {
    kind: 'technical',
    reason: 'upload_refused',
    recoverable: recoverable ? recoverableOf(state) : null,
  };
}

/** The server holds exactly the copy: saved. The local copy goes (in the background: "Saved" waits for nothing). */
export function saveTake(state: TakeMachine, stored: StoredCopy): Transition {
  const effects = letGo(state);
  effects.push({ type: 'mark', step: 'verified' });
  const { takeId } = state;
  if (takeId !== null) {
    effects.push(
      { type: 'recordSaved', takeId, sha256: stored.sha256, bytes: stored.bytes },
      { type: 'forgetLocalCopy', takeId, questionId: state.questionId, startedAt: state.startedAt },
      { type: 'track', takeId, as: 'done' },
    );
  }
  return {
    state: {
      ...state,
      step: 'saved',
      server: 'ok',
      upload: { ...state.upload, accepted: state.local.bytes, sent: state.local.bytes },
    },
    effects,
  };
}

/** A practice take is complete in memory: nothing to send, nothing to check. */
export function keepPractice(state: TakeMachine): Transition {
  return { state: { ...state, step: 'saved' }, effects: letGo(state) };
}
