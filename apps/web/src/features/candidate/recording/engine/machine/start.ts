import type { TakeMachine, Transition } from './state.ts';

interface Common {
  questionId: string;
  kind: 'video' | 'audio';
  online: boolean;
  /** Seeds the random source that spreads retries (any 32-bit integer; tests pass a fixed one). */
  seed: number;
}

function blank(common: Common, mode: TakeMachine['mode'], step: TakeMachine['step']): TakeMachine {
  return {
    mode,
    step,
    questionId: common.questionId,
    kind: common.kind,
    reason: null,
    takeOver: false,
    takeId: null,
    takesLeft: null,
    endpoint: null,
    mimeType: '',
    startedAt: null,
    attached: true,
    stopWanted: false,
    online: common.online,
    seed: common.seed >>> 0 || 1,
    recordingSince: null,
    elapsedMs: 0,
    server: 'ok',
    local: {
      copy: 'kept',
      queue: [],
      writing: false,
      nextSeq: 0,
      bytes: 0,
      recorderDone: false,
      ending: false,
      complete: false,
      sha256: null,
    },
    upload: {
      status: 'idle',
      attempt: 0,
      url: null,
      failures: 0,
      unexplainedClientErrors: 0,
      accepted: 0,
      acceptedBeforeAttempt: 0,
      sent: 0,
      inFlight: false,
      lastActivityAt: 0,
      stored: null,
      refusal: null,
      serverOffset: null,
    },
    check: { status: 'idle', tries: 0, unreachable: 0, deadlineAt: null },
    pendingFailure: null,
    failure: null,
    error: null,
  };
}

/** A take of a real question: first the tab-wide recording lock, so a second tab opens nothing on the server. */
export function startLive(
  options: Common & { reason?: 'technical_failure' | 'recovery'; takeOver?: boolean },
): Transition {
  const state = blank(options, 'live', 'locking');
  return {
    state: { ...state, reason: options.reason ?? null, takeOver: options.takeOver ?? false },
    effects: [{ type: 'acquireRecordingLock' }],
  };
}

/** The practice question: the recorder starts at once; nothing is opened, written or sent. */
export function startPractice(options: Common): Transition {
  return { state: blank(options, 'practice', 'starting'), effects: [{ type: 'startRecorder' }] };
}

/**
 * A recording kept on this device, uploaded again from where the server is. The driver has the bytes (from
 * IndexedDB, or from memory after a refusal in this tab); the take's lock comes first, so two tabs never send
 * the same take.
 */
export function startResume(
  options: Common & {
    takeId: string;
    mimeType: string;
    startedAt: string;
    endpoint: string;
    uploadUrl: string | null;
    bytes: number;
    elapsedMs: number;
  },
): Transition {
  const state = blank(options, 'resume', 'locking');
  return {
    state: {
      ...state,
      takeId: options.takeId,
      mimeType: options.mimeType,
      startedAt: options.startedAt,
      endpoint: options.endpoint,
      elapsedMs: options.elapsedMs,
      local: { ...state.local, bytes: options.bytes, recorderDone: true },
      upload: { ...state.upload, url: options.uploadUrl },
    },
    effects: [{ type: 'acquireTakeLock', takeId: options.takeId }],
  };
}
