import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { startLiveTake, type LiveTake, type TakeStatePatch } from './liveTake.ts';
import { resumeRecoveredTake } from './recovery.ts';
import type { StartTakeOptions, TakePhase, TakeRecorderState } from './types.ts';

type EngineState = Omit<TakeRecorderState, 'online'>;

const idleState: EngineState = {
  phase: 'idle',
  takeId: null,
  elapsedMs: 0,
  bytesRecorded: 0,
  bytesUploaded: 0,
  takesLeft: null,
  playbackUrl: null,
  failure: null,
};

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
   * was refused (phase 'failed': no_takes_left, closed). Rejects, back at 'idle', when the take could not be opened
   * for another reason (offline, consent missing: the ApiError). Call it from idle, saved or failed (reset() first
   * is fine); a take still finishing is left to finish in the background.
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
  const [engineState, setEngineState] = useState<EngineState>(idleState);
  const online = useOnline();
  const live = useRef<LiveTake | null>(null);
  // Reports from a take this hook has let go of are dropped; each adopted take gets a new number.
  const generation = useRef(0);
  const phase = useRef<TakePhase>('idle');
  const playbackUrl = useRef<string | null>(null);

  const release = useCallback(() => {
    generation.current++;
    live.current?.detach();
    live.current = null;
    if (playbackUrl.current) URL.revokeObjectURL(playbackUrl.current);
    playbackUrl.current = null;
    phase.current = 'idle';
  }, []);

  const adopt = useCallback(
    (first: EngineState) => {
      release();
      const mine = generation.current;
      phase.current = first.phase;
      setEngineState(first);
      return (patch: TakeStatePatch) => {
        if (mine !== generation.current) {
          if (patch.playbackUrl) URL.revokeObjectURL(patch.playbackUrl);
          return;
        }
        if (patch.playbackUrl !== undefined) playbackUrl.current = patch.playbackUrl;
        if (patch.phase) phase.current = patch.phase;
        setEngineState((previous) => ({ ...previous, ...patch }));
      };
    },
    [release],
  );

  const start = useCallback(
    async (options: StartTakeOptions) => {
      if (phase.current === 'starting' || phase.current === 'recording') {
        throw new Error('A take is already being recorded');
      }
      const report = adopt({ ...idleState, phase: 'starting' });
      const mine = generation.current;
      const take = startLiveTake(options, report);
      live.current = take;
      try {
        await take.ready;
      } catch (error) {
        if (mine === generation.current) {
          live.current = null;
          phase.current = 'idle';
          setEngineState(idleState);
        }
        throw error;
      }
    },
    [adopt],
  );

  const stop = useCallback(() => live.current?.stop() ?? Promise.resolve(), []);

  const reset = useCallback(() => {
    release();
    setEngineState(idleState);
  }, [release]);

  const resume = useCallback(
    async (takeId: string) => {
      const report = adopt({ ...idleState, phase: 'finishing', takeId });
      const mine = generation.current;
      try {
        await resumeRecoveredTake(takeId, { onState: report, withPlaybackUrl: true });
      } catch (error) {
        if (mine === generation.current) reset();
        throw error;
      }
    },
    [adopt, reset],
  );

  useEffect(() => release, [release]);

  const state = useMemo(() => ({ ...engineState, online }), [engineState, online]);
  return useMemo(() => ({ state, start, stop, reset, resume }), [state, start, stop, reset, resume]);
}
