import { conclude } from './check.ts';
import { failTake, keepPractice, recoverableOf } from './outcome.ts';
import type { TakeFailure } from '../types.ts';
import type { TakeEffect, TakeMachine, Transition } from './state.ts';
import { beginStopping } from './stopping.ts';
import { startAttempt } from './upload.ts';

/** How often the elapsed time is reported while recording. */
export const tickMs = 250;

const nothing = (state: TakeMachine): Transition => ({ state, effects: [] });

const then = (first: Transition, next: (state: TakeMachine) => Transition): Transition => {
  const second = next(first.state);
  return { state: second.state, effects: [...first.effects, ...second.effects] };
};

/** Let go of before recording began: nothing is recorded (the take stays open on the server, unfinished). */
const release = (state: TakeMachine): Transition => ({
  state: { ...state, step: 'released' },
  effects: [{ type: 'releaseLocks' }],
});

/** The lock asked for first: the tab-wide recording lock (live) or the take's own lock (resume). */
export function lockAnswered(state: TakeMachine, granted: boolean, at: number): Transition {
  if (state.step !== 'locking') return nothing(state);
  if (!granted) return failTake(state, { kind: 'other_tab' });
  if (state.mode === 'resume' && state.takeId !== null) {
    const finishing: TakeMachine = { ...state, step: 'finishing' };
    return then(
      {
        state: finishing,
        effects: [
          { type: 'track', takeId: state.takeId, as: 'finishing' },
          { type: 'endBuffer', hash: true },
        ],
      },
      (next) => startAttempt(next, at),
    );
  }
  if (!state.attached) return release(state);
  return {
    state: { ...state, step: 'opening' },
    effects: [
      { type: 'openTake', questionId: state.questionId, reason: state.reason, takeOver: state.takeOver },
    ],
  };
}

export function opened(
  state: TakeMachine,
  take: { takeId: string; takesLeft: number | null; endpoint: string },
): Transition {
  if (state.step !== 'opening') return nothing(state);
  const next = { ...state, ...take };
  if (!state.attached) return release(next);
  // The take's own lock before anything of it is written, so no other tab ever sees its copy unlocked.
  return {
    state: { ...next, step: 'starting' },
    effects: [{ type: 'acquireTakeLock', takeId: take.takeId }],
  };
}

export function takeLockAnswered(state: TakeMachine): Transition {
  if (state.step !== 'starting' || state.mode !== 'live') return nothing(state);
  if (!state.attached) return release(state);
  return { state, effects: [{ type: 'startRecorder' }] };
}

export function recorderCreated(state: TakeMachine, mimeType: string, wallTime: string): Transition {
  const next = { ...state, mimeType, startedAt: wallTime };
  const { takeId, endpoint } = state;
  if (state.mode !== 'live' || takeId === null || endpoint === null) return nothing(next);
  return {
    state: next,
    effects: [
      {
        type: 'saveMeta',
        meta: {
          takeId,
          questionId: state.questionId,
          kind: state.kind,
          mimeType,
          startedAt: wallTime,
          endpoint,
          uploadUrl: null,
          stoppedAt: null,
          durationMs: null,
          refusedAt: null,
          bytes: 0,
          chunks: 0,
        },
      },
      { type: 'track', takeId, as: 'recording' },
    ],
  };
}

export function recorderStarted(state: TakeMachine, at: number): Transition {
  if (state.step !== 'starting') return nothing(state);
  let result: Transition = {
    state: { ...state, step: 'recording', recordingSince: at, elapsedMs: 0 },
    effects: [{ type: 'setTimer', name: 'tick', ms: tickMs, repeat: true }],
  };
  if (state.mode === 'live') result = then(result, (next) => startAttempt(next, at));
  if (state.stopWanted || !state.attached) result = then(result, (next) => beginStopping(next, at));
  return result;
}

/** The camera or microphone went away, or the recorder failed: what was recorded is kept, the upload stops. */
export function recorderFailed(
  state: TakeMachine,
  reason: 'track_ended' | 'recorder_error',
  at: number,
): Transition {
  const failure: TakeFailure = { kind: 'technical', reason };
  if (state.step === 'starting') return failTake(state, failure);
  if (state.step !== 'recording') return nothing(state);
  // The next take (free after this failure) ends this one on the server; its upload must not declare a length.
  const effects: TakeEffect[] = [
    { type: 'clearTimer', name: 'watchdog' },
    { type: 'clearTimer', name: 'retry' },
  ];
  if (state.upload.status === 'sending')
    effects.push({ type: 'abortAttempt', attempt: state.upload.attempt });
  const stopped: TakeMachine = {
    ...state,
    pendingFailure: failure,
    upload: { ...state.upload, status: state.mode === 'live' ? 'stopped' : state.upload.status },
  };
  return then({ state: stopped, effects }, (next) => beginStopping(next, at));
}

/** Chunks are written one at a time, in order; each reaches the upload only after its write. */
function writeHead(state: TakeMachine): Transition {
  const [head] = state.local.queue;
  if (!head || state.local.writing || state.takeId === null) return nothing(state);
  const { local } = state;
  return {
    state: { ...state, local: { ...local, writing: true, nextSeq: local.nextSeq + 1 } },
    effects: [
      {
        type: 'keepChunk',
        takeId: state.takeId,
        seq: local.nextSeq,
        chunk: head,
        write: local.copy === 'kept',
      },
    ],
  };
}

export function chunkRecorded(state: TakeMachine, chunk: Blob): Transition {
  if (chunk.size === 0 || !['starting', 'recording', 'stopping'].includes(state.step)) return nothing(state);
  const { local } = state;
  if (state.mode === 'practice') {
    return {
      state: { ...state, local: { ...local, bytes: local.bytes + chunk.size } },
      effects: [{ type: 'appendToBuffer', chunk }],
    };
  }
  return writeHead({ ...state, local: { ...local, queue: [...local.queue, chunk] } });
}

/**
 * A chunk was hashed and (when asked) written. A failed write (storage full) turns writing off for the rest of
 * the take — a copy with a hole is worth nothing, one that stops is a prefix — while the upload goes on; the
 * browser is asked to keep this site's storage.
 */
export function chunkKept(state: TakeMachine, written: boolean): Transition {
  const { local } = state;
  const [head, ...rest] = local.queue;
  if (!local.writing || !head) return nothing(state);
  const failing = !written && local.copy === 'kept';
  const next: TakeMachine = {
    ...state,
    local: {
      ...local,
      queue: rest,
      writing: false,
      bytes: local.bytes + head.size,
      copy: failing ? 'failing' : local.copy,
    },
  };
  const effects: TakeEffect[] = [{ type: 'appendToBuffer', chunk: head }];
  if (failing) effects.push({ type: 'requestPersistence' }, { type: 'mark', step: 'local-copy-failing' });
  return then({ state: next, effects }, (after) =>
    after.local.queue.length > 0 ? writeHead(after) : completeLocal(after),
  );
}

export function recorderStopped(state: TakeMachine, wallTime: string): Transition {
  if (state.local.recorderDone) return nothing(state);
  const next = { ...state, local: { ...state.local, recorderDone: true } };
  const effects: TakeEffect[] = [
    { type: 'mark', step: 'recorder-stopped', detail: { bytes: state.local.bytes } },
  ];
  if (state.mode === 'live' && state.takeId !== null) {
    effects.push({
      type: 'updateMeta',
      takeId: state.takeId,
      changes: { stoppedAt: wallTime, durationMs: state.elapsedMs },
    });
  }
  return then({ state: next, effects }, (after) => completeLocal(after));
}

/** Every chunk is in: the buffer ends (the upload may now declare its length) and the digest is taken. */
function completeLocal(state: TakeMachine): Transition {
  const { local } = state;
  if (
    state.step !== 'stopping' ||
    !local.recorderDone ||
    local.writing ||
    local.queue.length > 0 ||
    local.ending
  ) {
    return nothing(state);
  }
  return {
    state: { ...state, local: { ...local, ending: true } },
    effects: [
      { type: 'endBuffer', hash: state.mode !== 'practice' },
      { type: 'mark', step: 'recording-ended', detail: { bytes: local.bytes, chunks: local.nextSeq } },
    ],
  };
}

export function localComplete(state: TakeMachine, sha256: string | null, at: number): Transition {
  if (state.local.complete) return nothing(state);
  const next: TakeMachine = { ...state, local: { ...state.local, complete: true, sha256 } };
  const pending = next.pendingFailure;
  if (pending) {
    const recoverable =
      pending.kind === 'technical' && pending.reason === 'upload_refused' && pending.recoverable
        ? recoverableOf(next)
        : null;
    const failure: TakeFailure =
      pending.kind === 'technical' && pending.reason === 'upload_refused'
        ? { ...pending, recoverable }
        : pending;
    return failTake(next, failure);
  }
  if (state.mode === 'practice') return keepPractice(next);
  if (state.step === 'stopping') {
    const finishing: TakeMachine = { ...next, step: 'finishing' };
    const tracked: TakeEffect[] = state.takeId
      ? [{ type: 'track', takeId: state.takeId, as: 'finishing' }]
      : [];
    return then({ state: finishing, effects: tracked }, (after) => conclude(after, at));
  }
  return conclude(next, at);
}

export function stopWanted(state: TakeMachine, at: number): Transition {
  if (state.step === 'recording') return beginStopping(state, at);
  if (['locking', 'opening', 'starting'].includes(state.step)) return nothing({ ...state, stopWanted: true });
  return nothing(state);
}

export function detached(state: TakeMachine, at: number): Transition {
  return stopWanted({ ...state, attached: false }, at);
}

export function ticked(state: TakeMachine, at: number): Transition {
  if (state.step !== 'recording' || state.recordingSince === null) return nothing(state);
  return nothing({ ...state, elapsedMs: at - state.recordingSince });
}
