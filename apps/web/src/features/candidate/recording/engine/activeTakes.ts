import type { TakeView } from './machine/view.ts';
import type { RecoverableTake } from './types.ts';

export type TakeReport = Partial<TakeView> & { playbackUrl?: string | null };

/** A take running in this tab (see driver.ts), as the pages hold it. */
export interface RunningTake {
  /** Resolves once recording runs or the take ended without recording (failed, let go); rejects with the error
   * when the take could not be opened (offline, consent missing), with nothing recorded. */
  readonly ready: Promise<void>;
  /** Settles once the take is saved, failed or let go of, with its last view. */
  readonly done: Promise<TakeView>;
  readonly view: TakeView;
  /** Stops recording; resolves once the recording is complete locally (or the take ended). */
  stop(): Promise<void>;
  /** Stops reporting. A take still recording is stopped; its upload goes on to the end without a listener. */
  detach(): void;
  /** Reports to `report` from now on, starting with the whole view (a page joining a take still finishing). */
  listen(report: (patch: TakeReport) => void): void;
}

/** A whole recording kept in this tab's memory after its upload was refused, for the recovery offer. */
export interface KeptCopy {
  take: RecoverableTake;
  blob: Blob;
  kind: 'video' | 'audio';
  endpoint: string;
  uploadUrl: string | null;
}

/**
 * This tab's takes, by what they are doing. Takes recording are never offered for recovery; a take finishing
 * (uploading or being checked) is listed, and resuming it joins that work instead of starting a second upload;
 * a take saved whose local copy is being deleted has nothing left to recover.
 */
export class TakeRegistry {
  readonly recording = new Set<string>();
  readonly finishing = new Map<string, RunningTake>();
  readonly deleting = new Set<string>();
  readonly kept = new Map<string, KeptCopy>();

  track(takeId: string, as: 'recording' | 'finishing' | 'done', take: RunningTake): void {
    this.recording.delete(takeId);
    this.finishing.delete(takeId);
    this.kept.delete(takeId);
    if (as === 'recording') this.recording.add(takeId);
    if (as === 'finishing') this.finishing.set(takeId, take);
  }

  keep(copy: KeptCopy): void {
    this.recording.delete(copy.take.takeId);
    this.finishing.delete(copy.take.takeId);
    this.kept.set(copy.take.takeId, copy);
  }

  /** Busy in this tab: recording or finishing. */
  isActive(takeId: string): boolean {
    return this.recording.has(takeId) || this.finishing.has(takeId);
  }
}
