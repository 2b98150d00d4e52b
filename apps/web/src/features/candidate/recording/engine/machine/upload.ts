import {
  classifyUploadError,
  errorCodeOf,
  isFinalRefusal,
  isPassingAnswer,
  retryDelayMs,
  serverHealthOf,
} from '../uploadRetry.ts';
import { conclude } from './check.ts';
import { failTake, refusalFailure } from './outcome.ts';
import { nextRandom } from './random.ts';
import type { ApiAnswer, StoredCopy, TakeEvent, TakeMachine, Transition } from './state.ts';
import { beginStopping } from './stopping.ts';

/** A request that neither sends nor hears anything for this long is dropped and the upload resumes afresh. */
export const stallTimeoutMs = 30_000;
/** How often a request in flight is checked for a stall. */
export const watchdogMs = 5_000;
/** While the browser says it is offline, check again at least this often (it can be wrong). */
export const offlineRecheckMs = 30_000;

const nothing = (state: TakeMachine): Transition => ({ state, effects: [] });

/**
 * A fresh tus attempt: it asks the server for its offset (HEAD) and sends from there, reading from the buffer
 * that keeps every byte. Its own URL once known; never a second upload.
 */
export function startAttempt(state: TakeMachine, at: number): Transition {
  const { upload, endpoint } = state;
  if (endpoint === null) return nothing(state);
  const attempt = upload.attempt + 1;
  return {
    state: {
      ...state,
      upload: {
        ...upload,
        status: 'sending',
        attempt,
        acceptedBeforeAttempt: upload.accepted,
        sent: upload.accepted,
        inFlight: false,
        lastActivityAt: at,
      },
    },
    effects: [
      { type: 'startAttempt', attempt, url: upload.url, endpoint },
      { type: 'setTimer', name: 'watchdog', ms: watchdogMs, repeat: true },
    ],
  };
}

/** Waits before the next attempt: backing off while failures bring no progress, or until back online. */
function waitToRetry(state: TakeMachine, health: 'unreachable' | 'busy' | null): Transition {
  const { upload } = state;
  const progressed = upload.accepted > upload.acceptedBeforeAttempt;
  const failures = progressed ? 0 : upload.failures;
  const [random, seed] = nextRandom(state.seed);
  const ms = state.online ? retryDelayMs(failures, () => random) : offlineRecheckMs;
  return {
    state: {
      ...state,
      seed,
      server: health ?? state.server,
      upload: {
        ...upload,
        status: 'waiting',
        failures: failures + 1,
        unexplainedClientErrors: progressed ? 0 : upload.unexplainedClientErrors,
        sent: upload.accepted,
        inFlight: false,
      },
    },
    effects: [
      { type: 'clearTimer', name: 'watchdog' },
      { type: 'setTimer', name: 'retry', ms, repeat: false },
    ],
  };
}

/**
 * The server will not take this upload. While recording, the take ends now (every further second would be lost)
 * and fails once the local copy is complete; after the recording, what the server holds is checked first.
 */
function refuse(
  state: TakeMachine,
  refusal: { status: number; code: string | null },
  at: number,
): Transition {
  const refused: TakeMachine = {
    ...state,
    upload: { ...state.upload, status: 'refused', refusal, inFlight: false },
  };
  const effects = [
    { type: 'clearTimer', name: 'watchdog' } as const,
    { type: 'mark', step: 'upload-done', detail: { outcome: 'refused', ...refusal } } as const,
  ];
  if (state.step === 'recording' || state.step === 'stopping') {
    const failure = refusalFailure(state, refusal, !isFinalRefusal(refusal));
    const pending = { ...refused, pendingFailure: state.pendingFailure ?? failure };
    const stopped = state.step === 'recording' ? beginStopping(pending, at) : nothing(pending);
    return { state: stopped.state, effects: [...effects, ...stopped.effects] };
  }
  const next = conclude(refused, at);
  return { state: next.state, effects: [...effects, ...next.effects] };
}

type AttemptEvent = Extract<TakeEvent, { attempt: number }>;

/** One event of a tus attempt; events of an attempt already given up are ignored. */
export function attemptEvent(state: TakeMachine, event: AttemptEvent): Transition {
  const { upload } = state;
  if (event.attempt !== upload.attempt || upload.status !== 'sending') return nothing(state);
  const { at } = event;
  switch (event.type) {
    case 'uploadUrl':
      return {
        state: { ...state, upload: { ...upload, url: event.url } },
        effects: state.takeId
          ? [{ type: 'updateMeta', takeId: state.takeId, changes: { uploadUrl: event.url } }]
          : [],
      };
    case 'requestSent':
      return nothing({ ...state, upload: { ...upload, inFlight: true, lastActivityAt: at } });
    case 'requestAnswered': {
      // An answer shows the server is there; 'busy' clears only once it takes bytes again.
      const answered = event.status >= 200 && event.status < 300 && state.server === 'unreachable';
      return nothing({
        ...state,
        server: answered ? 'ok' : state.server,
        upload: { ...upload, inFlight: false, lastActivityAt: at },
      });
    }
    case 'progress': {
      // Body progress: never below what the server confirmed, never past what the recorder produced.
      const sent = Math.max(upload.accepted, Math.min(event.bytes, state.local.bytes));
      return nothing({ ...state, upload: { ...upload, sent, lastActivityAt: at } });
    }
    case 'accepted': {
      const accepted = Math.max(upload.accepted, event.bytes);
      return nothing({
        ...state,
        server: 'ok',
        upload: { ...upload, accepted, sent: Math.max(upload.sent, accepted), lastActivityAt: at },
      });
    }
    case 'attemptSucceeded':
      return succeeded(state, event.stored, at);
    case 'attemptFailed':
      return attemptFailed(state, event);
  }
}

function succeeded(state: TakeMachine, stored: StoredCopy | null, at: number): Transition {
  const bytes = Math.max(state.upload.accepted, state.local.bytes);
  const complete: TakeMachine = {
    ...state,
    server: 'ok',
    upload: { ...state.upload, status: 'complete', stored, accepted: bytes, sent: bytes, inFlight: false },
  };
  const next = conclude(complete, at);
  return {
    state: next.state,
    effects: [
      { type: 'clearTimer', name: 'watchdog' },
      { type: 'mark', step: 'upload-done', detail: { outcome: 'complete', stored: stored !== null } },
      ...next.effects,
    ],
  };
}

function attemptFailed(
  state: TakeMachine,
  event: Extract<AttemptEvent, { type: 'attemptFailed' }>,
): Transition {
  const { at } = event;
  if (event.noRequest) return refuse(state, { status: 0, code: 'client_error' }, at);
  if (event.serverOffset !== undefined) {
    // The server holds more than this device (its local copy stopped growing when storage ran out).
    if (state.mode === 'resume' && state.local.complete && state.takeId !== null) {
      return {
        state: { ...state, upload: { ...state.upload, status: 'prefix', serverOffset: event.serverOffset } },
        effects: [
          { type: 'clearTimer', name: 'watchdog' },
          { type: 'askPrefix', takeId: state.takeId, bytes: state.local.bytes },
        ],
      };
    }
    return refuse(state, { status: event.status, code: 'local_copy_shorter' }, at);
  }
  const { upload } = state;
  const progressed = upload.accepted > upload.acceptedBeforeAttempt;
  const unexplained = progressed ? 0 : upload.unexplainedClientErrors;
  const verdict = classifyUploadError({
    status: event.status,
    body: event.body,
    unexplainedClientErrors: unexplained,
  });
  if (verdict.kind === 'refused') return refuse(state, verdict, at);
  const code = errorCodeOf(event.body);
  const clientError = event.status >= 400 && event.status < 500 && code === null;
  const counted = {
    ...state,
    upload: { ...upload, unexplainedClientErrors: unexplained + (clientError ? 1 : 0) },
  };
  return waitToRetry(counted, serverHealthOf(event.status, code));
}

/** The watchdog: a request that neither sent nor heard anything for too long is dropped and tried afresh. */
export function watchdogFired(state: TakeMachine, at: number): Transition {
  const { upload } = state;
  if (upload.status !== 'sending' || !upload.inFlight || at - upload.lastActivityAt <= stallTimeoutMs) {
    return nothing(state);
  }
  const next = waitToRetry(state, 'unreachable');
  return { state: next.state, effects: [{ type: 'abortAttempt', attempt: upload.attempt }, ...next.effects] };
}

/** The wait is over (timer, or the browser came back online): the next attempt. */
export function wake(state: TakeMachine, at: number): Transition {
  if (state.upload.status !== 'waiting') return nothing(state);
  const next = startAttempt(state, at);
  return { state: next.state, effects: [{ type: 'clearTimer', name: 'retry' }, ...next.effects] };
}

/**
 * Resume from the server's copy: the server named the SHA-256 of its first bytes, as many as this device keeps.
 * Equal: the server's copy begins with every byte kept here and holds more, so the upload is finished with what
 * the server holds (Upload-Length = its offset, empty body). Different: the copies diverged; the take fails.
 */
export function prefixAnswered(state: TakeMachine, answer: ApiAnswer<StoredCopy>, at: number): Transition {
  const { upload } = state;
  if (upload.status !== 'prefix' || upload.serverOffset === null || upload.url === null)
    return nothing(state);
  if (!answer.ok) return serverCopyFailed(state, answer, at);
  const { sha256, bytes } = answer.value;
  if (bytes !== state.local.bytes || sha256 !== state.local.sha256) {
    return failTake(state, { kind: 'technical', reason: 'upload_refused', recoverable: null });
  }
  return {
    state: { ...state, server: 'ok', upload: { ...upload, status: 'serverFinish' } },
    effects: [{ type: 'finishFromServer', url: upload.url, length: upload.serverOffset }],
  };
}

export function serverFinishAnswered(
  state: TakeMachine,
  answer: ApiAnswer<StoredCopy | null>,
  at: number,
): Transition {
  if (state.upload.status !== 'serverFinish') return nothing(state);
  if (!answer.ok) return serverCopyFailed(state, answer, at);
  return succeeded(state, answer.value, at);
}

/** A failed step of finishing from the server's copy: passing failures start over with a fresh attempt. */
function serverCopyFailed(
  state: TakeMachine,
  answer: { status: number; code: string | null },
  at: number,
): Transition {
  const sending = { ...state, upload: { ...state.upload, status: 'sending' as const } };
  if (isPassingAnswer(answer.status, answer.code))
    return waitToRetry(sending, serverHealthOf(answer.status, answer.code));
  return refuse(sending, answer, at);
}
