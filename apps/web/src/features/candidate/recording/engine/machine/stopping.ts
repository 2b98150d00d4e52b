import type { TakeMachine, Transition } from './state.ts';

/**
 * The recorder is asked to stop: its last chunks still come and are written. The upload holds back what it has
 * not sent yet until the end, so the last chunk and the length travel in one PATCH (no round trip after stop).
 */
export function beginStopping(state: TakeMachine, at: number): Transition {
  const elapsedMs = state.recordingSince === null ? state.elapsedMs : at - state.recordingSince;
  return {
    state: { ...state, step: 'stopping', elapsedMs },
    effects: [
      { type: 'clearTimer', name: 'tick' },
      {
        type: 'mark',
        step: 'stop',
        detail: { bytesRecorded: state.local.bytes, bytesAccepted: state.upload.accepted },
      },
      { type: 'holdBuffer' },
      { type: 'stopRecorder' },
    ],
  };
}
