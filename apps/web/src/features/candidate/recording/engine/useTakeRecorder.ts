import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { browserEngine } from './engine.ts';
import { TakeRecorderController } from './takeRecorder.ts';
import type { StartTakeOptions, TakeRecorderState } from './types.ts';

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** Whether the browser believes it is online; recording goes on either way. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

export interface TakeRecorder {
  state: TakeRecorderState;
  /**
   * Opens a take on the server and starts recording. Resolves once recording runs (phase 'recording') or the take
   * was refused (phase 'failed': no_takes_left, closed, other_tab). Rejects, back at 'idle', when the take could
   * not be opened for another reason (offline, consent missing, recording_elsewhere: the ApiError). Call it from
   * idle, saved or failed (reset() first is fine); a take still finishing is left to finish in the background.
   * A practice take (practiceQuestionId) records into memory only.
   */
  start(options: StartTakeOptions): Promise<void>;
  /** Stops recording; resolves once the local copy is complete (phase 'finishing', playbackUrl set). The phase
   * then moves on by itself to 'saved' or 'failed'. */
  stop(): Promise<void>;
  /** Back to idle; revokes the playback URL. Loses nothing: a take still recording is stopped and, like one still
   * uploading, goes on uploading in the background until saved (it is no longer reported here). */
  reset(): void;
  /** Finishes a recovered take (see resumeRecoveredTake) with its progress and playback in this state. */
  resume(takeId: string): Promise<void>;
}

/** The recording engine for one question page: one take at a time, reported as TakeRecorderState. */
export function useTakeRecorder(): TakeRecorder {
  const [controller] = useState(() => new TakeRecorderController(browserEngine()));
  const engineState = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
  const online = useOnline();
  useEffect(() => () => controller.dispose(), [controller]);

  const start = useCallback((options: StartTakeOptions) => controller.start(options), [controller]);
  const stop = useCallback(() => controller.stop(), [controller]);
  const reset = useCallback(() => controller.reset(), [controller]);
  const resume = useCallback((takeId: string) => controller.resume(takeId), [controller]);
  const state = useMemo(() => ({ ...engineState, online }), [engineState, online]);
  return useMemo(() => ({ state, start, stop, reset, resume }), [state, start, stop, reset, resume]);
}
