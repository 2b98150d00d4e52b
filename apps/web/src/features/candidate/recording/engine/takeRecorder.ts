import type { RunningTake, TakeReport } from './activeTakes.ts';
import type { Engine } from './engine.ts';
import type { StartTakeOptions, TakeRecorderState } from './types.ts';

export type EngineState = Omit<TakeRecorderState, 'online'>;

export const idleState: EngineState = {
  phase: 'idle',
  takeId: null,
  elapsedMs: 0,
  bytesRecorded: 0,
  bytesUploaded: 0,
  bytesSent: 0,
  server: 'ok',
  localCopy: 'kept',
  takesLeft: null,
  playbackUrl: null,
  failure: null,
};

/**
 * The take one question page shows, one at a time (useTakeRecorder is its React face). Starting or resuming a
 * take lets go of the one before: its reports are dropped from then on (each take gets a new generation) and its
 * playback URL revoked, while the take itself goes on to the end in the background.
 */
export class TakeRecorderController {
  private state: EngineState = idleState;
  private current: RunningTake | null = null;
  private generation = 0;
  private playbackUrl: string | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly engine: Pick<Engine, 'startTake' | 'resumeTake' | 'revokeObjectUrl'>) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): EngineState => this.state;

  private set(next: EngineState): void {
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }

  private release(): void {
    this.generation++;
    this.current?.detach();
    this.current = null;
    if (this.playbackUrl) this.engine.revokeObjectUrl(this.playbackUrl);
    this.playbackUrl = null;
  }

  private adopt(first: EngineState): (patch: TakeReport) => void {
    this.release();
    const mine = this.generation;
    this.set(first);
    return (patch) => {
      if (mine !== this.generation) {
        if (patch.playbackUrl) this.engine.revokeObjectUrl(patch.playbackUrl);
        return;
      }
      if (patch.playbackUrl !== undefined) this.playbackUrl = patch.playbackUrl;
      this.set({ ...this.state, ...patch });
    };
  }

  /**
   * Opens a take on the server and starts recording. Resolves once recording runs (phase 'recording') or the take
   * was refused (phase 'failed': no_takes_left, closed, other_tab). Rejects, back at 'idle', when the take could
   * not be opened for another reason (offline, consent missing: the ApiError).
   */
  async start(options: StartTakeOptions): Promise<void> {
    if (this.state.phase === 'starting' || this.state.phase === 'recording') {
      throw new Error('A take is already being recorded');
    }
    const report = this.adopt({ ...idleState, phase: 'starting' });
    const mine = this.generation;
    const take = this.engine.startTake(options, report);
    this.current = take;
    try {
      await take.ready;
    } catch (error) {
      if (mine === this.generation) {
        this.current = null;
        this.set(idleState);
      }
      throw error;
    }
  }

  stop(): Promise<void> {
    return this.current?.stop() ?? Promise.resolve();
  }

  /** Back to idle; revokes the playback URL. Loses nothing: a take still recording is stopped and uploads on. */
  reset(): void {
    this.release();
    this.set(idleState);
  }

  /** Finishes a recovered take with its progress and playback here; resolves once it is saved or failed. */
  async resume(takeId: string): Promise<void> {
    const report = this.adopt({ ...idleState, phase: 'finishing', takeId });
    const mine = this.generation;
    try {
      const take = await this.engine.resumeTake(takeId, report);
      if (mine !== this.generation) {
        take.detach();
        return;
      }
      this.current = take;
      await take.done;
    } catch (error) {
      if (mine === this.generation) this.reset();
      throw error;
    }
  }

  /** The page goes away: let go of the take (it goes on in the background). */
  dispose(): void {
    this.release();
  }
}
