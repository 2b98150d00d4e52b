/**
 * The recording engine's contract with the question pages. The engine records one take at a time: every
 * MediaRecorder chunk goes to IndexedDB first, then to a tus upload that stays open for the whole recording.
 * "saved" is reached only when the server's SHA-256 and size of the take equal the local copy's; the local copy
 * is deleted only then. A practice take never leaves the browser: it is recorded into memory only.
 */

export type TakePhase =
  /** Nothing recorded yet. */
  | 'idle'
  /** The take is being opened on the server and the recorder started. */
  | 'starting'
  | 'recording'
  /** Stopped; the last bytes are still travelling or being checked. */
  | 'finishing'
  /**
   * The server holds every byte (checksum compared); the local copy is gone. For a practice take: the recording
   * is complete in this tab's memory (nothing was sent).
   */
  | 'saved'
  /** Something failed that the page must act on (see TakeFailure). */
  | 'failed';

/**
 * Why a take failed. 'technical' failures (camera track ended, recorder error, upload refused) give a fresh take
 * that costs nothing: the page calls start() again with reason 'technical_failure'.
 */
export type TakeFailure =
  | { kind: 'technical'; reason: 'track_ended' | 'recorder_error' }
  | {
      kind: 'technical';
      reason: 'upload_refused';
      /**
       * The whole recording is kept on this device and the server may still take it: the page offers it for
       * recovery (resume(takeId)) before a fresh take. Null when the server will never take it.
       */
      recoverable: RecoverableTake | null;
    }
  | { kind: 'no_takes_left' }
  | { kind: 'closed'; message: string }
  /** The server ended this take because the candidate continued on another device; it cost no take. */
  | { kind: 'taken_over' }
  /** Another tab of this browser is recording (or finishing) a take: start() refused before opening one. */
  | { kind: 'other_tab' };

export interface TakeRecorderState {
  phase: TakePhase;
  takeId: string | null;
  /** Milliseconds recorded so far (from the recorder's start, on the monotonic clock; paused never). */
  elapsedMs: number;
  /** Bytes the recorder produced and IndexedDB holds (or tried to: see localCopy). */
  bytesRecorded: number;
  /** Bytes the server acknowledged. */
  bytesUploaded: number;
  /**
   * Bytes handed to the network so far in this take (request body progress), never below bytesUploaded. After a
   * failed request it falls back to what the server acknowledged. Progress shown to the candidate is bytesSent
   * capped at bytesRecorded; "saved" still needs the server's checksum.
   */
  bytesSent: number;
  /** 'busy' while the server answers storage_unavailable or 5xx; 'unreachable' while requests get no answer. */
  server: 'ok' | 'unreachable' | 'busy';
  /** 'failing' once a write of the local copy failed (quota); the engine has then asked for persistent storage. */
  localCopy: 'kept' | 'failing';
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
  /** The practice question's id (practiceQuestionId) records a practice take: in memory only, nothing sent. */
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
