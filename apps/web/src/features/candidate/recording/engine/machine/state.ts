import type { TakeState } from '@oneway/shared';
import type { StoredTakeMeta } from '../chunkStore.ts';
import type { TakeFailure } from '../types.ts';

/**
 * The states, events and effects of one take, in one place. The take is a machine with one main line (`step`)
 * and three regions that move on their own: the local copy (chunks written to IndexedDB in order, then handed to
 * the upload), the upload (tus attempts, retried for as long as it takes) and the check (the server's size and
 * SHA-256 against the local copy's). Transitions are pure (see transition.ts); the driver runs the effects.
 *
 * Times in events (`at`) come from a monotonic clock (performance.now()), so a wall-clock jump cuts nothing.
 */

export type TakeMode =
  /** A take of a real question: opened on the server, kept in IndexedDB, uploaded while recording. */
  | 'live'
  /** The practice question: recorded into memory only; no server, no IndexedDB, no upload. */
  | 'practice'
  /** A take kept on this device from an earlier visit (or refused earlier in this tab), uploaded again. */
  | 'resume';

export type TakeStep =
  /** Asking for the locks: the tab-wide recording lock (live), the take's own lock (resume). */
  | 'locking'
  | 'opening'
  /** Opened; the take's lock and then the recorder are starting. */
  | 'starting'
  | 'recording'
  /** The recorder was asked to stop (or failed); its last chunks are being written. */
  | 'stopping'
  /** The recording is complete locally; the upload ends and is checked. */
  | 'finishing'
  | 'saved'
  | 'failed'
  /** The take could not be opened for a reason start() rejects with (offline, consent missing). */
  | 'unopened'
  /** Let go of before recording began: nothing recorded. */
  | 'released';

export interface StoredCopy {
  sha256: string;
  bytes: number;
}

export interface LocalRegion {
  copy: 'kept' | 'failing';
  /** Chunks the recorder delivered that wait for their write, oldest first; the head is being written. */
  queue: readonly Blob[];
  writing: boolean;
  nextSeq: number;
  /** Bytes handed to the upload (each after its write), i.e. the recording so far. */
  bytes: number;
  recorderDone: boolean;
  /** The buffer was ended; `complete` once its SHA-256 is known. */
  ending: boolean;
  complete: boolean;
  sha256: string | null;
}

export interface UploadRegion {
  status:
    | 'idle'
    | 'sending'
    /** Between attempts: a retry timer, or the browser coming back online. */
    | 'waiting'
    /** Resume: the server holds more than this device; asking it for the SHA-256 of the device's bytes. */
    | 'prefix'
    /** Resume: declaring the server's offset as the length, with an empty body. */
    | 'serverFinish'
    | 'complete'
    | 'refused'
    /** Abandoned on purpose (the recorder failed: the take must not declare a length). */
    | 'stopped';
  /** Number of the current attempt; events of older attempts are ignored. */
  attempt: number;
  url: string | null;
  /** Failed attempts in a row without progress (the back-off step). */
  failures: number;
  unexplainedClientErrors: number;
  accepted: number;
  acceptedBeforeAttempt: number;
  sent: number;
  inFlight: boolean;
  lastActivityAt: number;
  stored: StoredCopy | null;
  refusal: { status: number; code: string | null } | null;
  /** Resume from the server's copy: the bytes the server holds (more than this device). */
  serverOffset: number | null;
}

export interface CheckRegion {
  status: 'idle' | 'asking' | 'waiting';
  tries: number;
  unreachable: number;
  /** While tus said complete but the server still says 'uploading', ask again until then (monotonic ms). */
  deadlineAt: number | null;
}

export interface TakeMachine {
  mode: TakeMode;
  step: TakeStep;
  questionId: string;
  kind: 'video' | 'audio';
  reason: 'technical_failure' | 'recovery' | null;
  takeOver: boolean;
  takeId: string | null;
  takesLeft: number | null;
  endpoint: string | null;
  mimeType: string;
  /** Wall-clock ISO time the take started (a label kept with the local copy, never used for durations). */
  startedAt: string | null;
  /** Someone listens (the page); false after detach. */
  attached: boolean;
  stopWanted: boolean;
  online: boolean;
  /** State of the seeded random source that spreads retries. */
  seed: number;
  /** Monotonic time the recorder started. */
  recordingSince: number | null;
  elapsedMs: number;
  server: 'ok' | 'unreachable' | 'busy';
  local: LocalRegion;
  upload: UploadRegion;
  check: CheckRegion;
  /** A failure decided while still recording, reported once the local copy is complete. */
  pendingFailure: TakeFailure | null;
  failure: TakeFailure | null;
  /** Why the take could not be opened (step 'unopened'). */
  error: unknown;
}

/** The answer of one API call the machine asked for. */
export type ApiAnswer<T> = { ok: true; value: T } | { ok: false; status: number; code: string | null };

/** What one tus attempt reports (the driver adds the attempt's number). */
export type AttemptEventBody =
  | { type: 'uploadUrl'; url: string }
  | { type: 'requestSent' }
  | { type: 'requestAnswered'; status: number }
  | { type: 'progress'; bytes: number }
  | { type: 'accepted'; bytes: number }
  | { type: 'attemptSucceeded'; stored: StoredCopy | null }
  | {
      type: 'attemptFailed';
      status: number;
      body: string | null;
      /** The attempt never became a request (tus refused its options). */
      noRequest?: boolean;
      /** The server's offset is past the recording's end (it holds more than this device). */
      serverOffset?: number;
    };

export type TimerName = 'tick' | 'watchdog' | 'retry' | 'check';

export type TakeEventBody =
  | { type: 'lock'; granted: boolean }
  | { type: 'opened'; takeId: string; takesLeft: number | null; endpoint: string }
  | { type: 'openRefused'; failure: TakeFailure }
  | { type: 'openFailed'; error: unknown }
  | { type: 'takeLock'; granted: boolean }
  | { type: 'recorderCreated'; mimeType: string; wallTime: string }
  | { type: 'recorderStarted' }
  | { type: 'recorderStartFailed' }
  | { type: 'recorderFailed'; reason: 'track_ended' | 'recorder_error' }
  | { type: 'chunk'; chunk: Blob }
  /** The head of the write queue was hashed, and written when asked (`written` false: the write failed). */
  | { type: 'chunkKept'; written: boolean }
  | { type: 'recorderStopped'; wallTime: string }
  | { type: 'localComplete'; sha256: string | null }
  | { type: 'stop' }
  | { type: 'detach' }
  | { type: 'online' }
  | { type: 'offline' }
  | { type: 'timer'; name: TimerName }
  | (AttemptEventBody & { attempt: number })
  | { type: 'prefixAnswered'; answer: ApiAnswer<StoredCopy> }
  | { type: 'serverFinishAnswered'; answer: ApiAnswer<StoredCopy | null> }
  | { type: 'takeStateAnswered'; answer: ApiAnswer<TakeState> };

/** Every event carries the monotonic time it happened at. */
export type TakeEvent = TakeEventBody & { at: number };

export type TakeEffect =
  | { type: 'acquireRecordingLock' }
  | { type: 'acquireTakeLock'; takeId: string }
  | { type: 'releaseLocks' }
  | {
      type: 'openTake';
      questionId: string;
      reason: 'technical_failure' | 'recovery' | null;
      takeOver: boolean;
    }
  | { type: 'startRecorder' }
  | { type: 'stopRecorder' }
  | { type: 'saveMeta'; meta: StoredTakeMeta }
  | { type: 'updateMeta'; takeId: string; changes: Partial<Omit<StoredTakeMeta, 'takeId'>> }
  /** The server will never take this copy: kept a while for support, no longer offered (the driver dates it). */
  | { type: 'markRefused'; takeId: string }
  /** Hash the chunk (in recording order) and write it to IndexedDB when `write`; answer with chunkKept. */
  | { type: 'keepChunk'; takeId: string; seq: number; chunk: Blob; write: boolean }
  | { type: 'appendToBuffer'; chunk: Blob }
  /** Stopping: the upload hands out nothing more until the end, so the last chunk travels with the length. */
  | { type: 'holdBuffer' }
  /** No more chunks: end the buffer and answer with localComplete (the SHA-256 when `hash`). */
  | { type: 'endBuffer'; hash: boolean }
  | { type: 'startAttempt'; attempt: number; url: string | null; endpoint: string }
  | { type: 'abortAttempt'; attempt: number }
  | { type: 'setTimer'; name: TimerName; ms: number; repeat: boolean }
  | { type: 'clearTimer'; name: TimerName }
  | { type: 'askPrefix'; takeId: string; bytes: number }
  | { type: 'finishFromServer'; url: string; length: number }
  | { type: 'askTakeState'; takeId: string }
  | { type: 'requestPersistence' }
  | { type: 'recordSaved'; takeId: string; sha256: string; bytes: number }
  /** Saved: delete the local copy (and older copies of the question, which can never be uploaded now). */
  | { type: 'forgetLocalCopy'; takeId: string; questionId: string; startedAt: string | null }
  /** Where this tab's registry lists the take: recording, finishing, kept in memory for recovery, or done. */
  | { type: 'track'; takeId: string; as: 'recording' | 'finishing' | 'recoverable' | 'done' }
  | { type: 'mark'; step: string; detail?: Record<string, unknown> };

export interface Transition {
  state: TakeMachine;
  effects: TakeEffect[];
}
