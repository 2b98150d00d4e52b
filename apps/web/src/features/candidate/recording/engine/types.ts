/**
 * The recording engine's contract with the question pages. The engine records one take at a time: every
 * MediaRecorder chunk goes to IndexedDB first, then to a tus upload that stays open for the whole recording.
 * "saved" is reached only when the server's SHA-256 and size of the take equal the local copy's; the local copy
 * is deleted only then.
 */

export type TakePhase =
  /** Nothing recorded yet. */
  | 'idle'
  /** The take is being opened on the server and the recorder started. */
  | 'starting'
  | 'recording'
  /** Stopped; the last bytes are still travelling or being checked. */
  | 'finishing'
  /** The server holds every byte (checksum compared); the local copy is gone. */
  | 'saved'
  /** Something failed that the page must act on (see TakeFailure). */
  | 'failed';

/**
 * Why a take failed. 'technical' failures (camera track ended, recorder error, upload refused) give a fresh take
 * that costs nothing: the page calls start() again with reason 'technical_failure'.
 */
export type TakeFailure =
  | { kind: 'technical'; reason: 'track_ended' | 'recorder_error' | 'upload_refused' }
  | { kind: 'no_takes_left' }
  | { kind: 'closed'; message: string };

export interface TakeRecorderState {
  phase: TakePhase;
  takeId: string | null;
  /** Milliseconds recorded so far (from the recorder's start, paused never). */
  elapsedMs: number;
  /** Bytes the recorder produced and IndexedDB holds. */
  bytesRecorded: number;
  /** Bytes the server acknowledged. */
  bytesUploaded: number;
  /** False while the browser is offline; recording goes on and the upload catches up. */
  online: boolean;
  /** Takes that still count after the current one (from the server); null for practice. */
  takesLeft: number | null;
  /**
   * An object URL of the recording once stopped (also after a failure), or null; the page plays it back. It stays
   * valid after 'saved' (the engine keeps the recording in memory; only the IndexedDB copy is deleted) until
   * reset() or the next start() revokes it.
   */
  playbackUrl: string | null;
  failure: TakeFailure | null;
}

export interface StartTakeOptions {
  /** The camera+microphone (video) or microphone-only (audio) stream; the engine never stops its tracks. */
  stream: MediaStream;
  questionId: string;
  kind: 'video' | 'audio';
  reason?: 'technical_failure' | 'recovery';
  /** The candidate chose to end a take another device is recording: sent as `takeOver: true` when opening. */
  takeOver?: boolean;
}

/** A take kept in IndexedDB from an earlier visit whose upload never finished (reload, crash, closed tab). */
export interface RecoverableTake {
  takeId: string;
  questionId: string;
  mimeType: string;
  bytes: number;
  /** Seconds of recording kept (chunks are one second each). */
  seconds: number;
  recordedAt: string;
}
