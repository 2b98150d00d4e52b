import type { TakePhase, TakeRecorderState } from '../types.ts';
import type { TakeMachine } from './state.ts';

/** What the page sees of a take, except `online` (the browser's) and `playbackUrl` (the driver's). */
export type TakeView = Omit<TakeRecorderState, 'online' | 'playbackUrl'>;

const phases: Record<TakeMachine['step'], TakePhase> = {
  locking: 'starting',
  opening: 'starting',
  starting: 'starting',
  recording: 'recording',
  // Stop was pressed; the page shows 'finishing' once the recording is complete locally (as before).
  stopping: 'recording',
  finishing: 'finishing',
  saved: 'saved',
  failed: 'failed',
  unopened: 'idle',
  released: 'idle',
};

export function viewOf(state: TakeMachine): TakeView {
  const recorded = state.local.bytes;
  const uploaded = Math.min(state.upload.accepted, recorded);
  return {
    phase: phases[state.step],
    takeId: state.takeId,
    elapsedMs: state.elapsedMs,
    bytesRecorded: recorded,
    bytesUploaded: uploaded,
    bytesSent: Math.min(Math.max(state.upload.sent, uploaded), recorded),
    server: state.server,
    localCopy: state.local.copy,
    takesLeft: state.takesLeft,
    failure: state.step === 'failed' ? state.failure : null,
  };
}
