import type { RunningTake, TakeReport } from './activeTakes.ts';
import {
  forgetSavedCopy,
  keepChunkLocally,
  localWriteDeadlineMs,
  namedTimers,
  withinDeadline,
} from './driverParts.ts';
import type { TakeEffect, TakeEventBody, TakeMachine, Transition } from './machine/state.ts';
import { isSettled, transition } from './machine/transition.ts';
import { viewOf, type TakeView } from './machine/view.ts';
import type { EnginePorts, IncrementalHash } from './ports.ts';
import type { TakeRecording } from './recorder.ts';
import type { RecordingBuffer } from './recordingBuffer.ts';
import type { Lease } from './tabLocks.ts';

export type TakeHandle = RunningTake;

/** The recording's bytes, and the stream to record (none when resuming a kept copy). */
export interface TakeSource {
  stream: MediaStream | null;
  buffer: RecordingBuffer;
  /** Hashes chunks as they are kept; null hashes the whole recording once complete (a kept copy). */
  hash: IncrementalHash | null;
}

/**
 * Runs one take's machine: feeds it events (each stamped with the monotonic time), runs the effects it returns
 * through the ports, and reports the view to the page. Decisions are the machine's; this only does what it is
 * told, in order, and turns each outcome back into an event.
 */
export function runTake(
  start: Transition,
  ports: EnginePorts,
  source: TakeSource,
  report: ((patch: TakeReport) => void) | null,
): TakeHandle {
  let state: TakeMachine = start.state;
  let listener = report;
  let reported: Partial<Record<keyof TakeReport, unknown>> = {};
  let hash = source.hash;
  let recording: TakeRecording | null = null;
  let recordingLease: Lease | null = null;
  let takeLease: Lease | null = null;
  let playbackUrl: string | null = null;
  let blob: Blob | null = null;
  // IndexedDB work runs one step at a time, in the order the machine asked for it.
  let storeChain: Promise<unknown> = Promise.resolve();
  const { buffer } = source;
  const attempts = new Map<number, { abort(): void }>();
  const queue: TakeEventBody[] = [];
  let dispatching = false;
  let settled = false;
  const unwatch = ports.watchNetwork(
    () => dispatch({ type: 'online' }),
    () => dispatch({ type: 'offline' }),
  );

  let resolveReady: () => void = () => undefined;
  let rejectReady: (error: unknown) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  let resolveDone: (view: TakeView) => void = () => undefined;
  const done = new Promise<TakeView>((resolve) => (resolveDone = resolve));
  const stopWaiters = new Set<() => void>();

  function dispatch(body: TakeEventBody): void {
    queue.push(body);
    if (dispatching) return;
    dispatching = true;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        if (isSettled(state)) continue;
        const result = transition(state, { ...next, at: ports.now() });
        state = result.state;
        for (const effect of result.effects) run(effect);
      }
    } finally {
      dispatching = false;
    }
    afterChange();
  }

  const later = <T>(
    work: Promise<T>,
    toEvent: (value: T) => TakeEventBody,
    onError?: (e: unknown) => TakeEventBody,
  ) =>
    void work.then(
      (value) => dispatch(toEvent(value)),
      (error: unknown) => {
        if (onError) dispatch(onError(error));
        else console.warn('The recording engine could not', error);
      },
    );

  // One store operation at a time, in order; one left unanswered holds the rest back only until its deadline.
  const inStore = (work: () => Promise<unknown>) => {
    storeChain = storeChain
      .then(() => withinDeadline(work(), localWriteDeadlineMs, ports.timers))
      .catch((error: unknown) => {
        console.warn('The local copy of the take could not be updated', error);
      });
  };

  function run(effect: TakeEffect): void {
    switch (effect.type) {
      case 'acquireRecordingLock':
        return later(ports.locks.acquireRecording(), (lease) => {
          if (settled) lease?.release();
          else recordingLease = lease;
          return { type: 'lock', granted: lease !== null };
        });
      case 'acquireTakeLock':
        return later(ports.locks.acquireTake(effect.takeId), (lease) => {
          if (settled) lease?.release();
          else takeLease = lease;
          if (lease === null && state.mode === 'live') console.warn('The lock of a new take is taken');
          return { type: state.mode === 'resume' ? 'lock' : 'takeLock', granted: lease !== null };
        });
      case 'releaseLocks':
        takeLease?.release();
        recordingLease?.release();
        takeLease = null;
        recordingLease = null;
        return;
      case 'openTake':
        return later(
          ports.api.openTake(effect),
          (result) =>
            result.ok
              ? {
                  type: 'opened',
                  takeId: result.take.takeId,
                  takesLeft: result.take.takesLeft,
                  endpoint: result.take.uploadUrl,
                }
              : { type: 'openRefused', failure: result.failure },
          (error) => ({ type: 'openFailed', error }),
        );
      case 'startRecorder':
        return startRecorder();
      case 'stopRecorder':
        return later(recording ? recording.stop() : Promise.resolve(), () => ({
          type: 'recorderStopped',
          wallTime: ports.wallTime(),
        }));
      case 'saveMeta':
        return inStore(() => ports.store.saveTakeMeta(effect.meta));
      case 'updateMeta':
        return inStore(() => ports.store.updateTakeMeta(effect.takeId, effect.changes));
      case 'markRefused':
        return inStore(() => ports.store.updateTakeMeta(effect.takeId, { refusedAt: ports.wallTime() }));
      case 'keepChunk':
        return keepChunk(effect);
      case 'appendToBuffer':
        return buffer.append(effect.chunk);
      case 'holdBuffer':
        return buffer.holdUntilEnd();
      case 'endBuffer':
        return endBuffer(effect.hash);
      case 'startAttempt': {
        const { attempt } = effect;
        const handle = ports.tus.startAttempt({
          takeId: state.takeId ?? '',
          endpoint: effect.endpoint,
          url: effect.url,
          buffer,
          onEvent: (event) => dispatch({ ...event, attempt }),
        });
        attempts.set(attempt, handle);
        return;
      }
      case 'abortAttempt':
        attempts.get(effect.attempt)?.abort();
        attempts.delete(effect.attempt);
        return;
      case 'setTimer':
        return timers.set(effect.name, effect.ms, effect.repeat);
      case 'clearTimer':
        return timers.clear(effect.name);
      case 'askPrefix':
        return later(ports.api.prefixSha256(effect.takeId, effect.bytes), (answer) => ({
          type: 'prefixAnswered',
          answer,
        }));
      case 'finishFromServer':
        return later(ports.api.finishUploadAt(effect.url, effect.length), (answer) => ({
          type: 'serverFinishAnswered',
          answer,
        }));
      case 'askTakeState':
        return later(ports.api.takeState(effect.takeId), (answer) => ({ type: 'takeStateAnswered', answer }));
      case 'requestPersistence':
        void ports.persistStorage().catch(() => undefined);
        return;
      case 'recordSaved':
        return ports.recordSavedTake({ takeId: effect.takeId, sha256: effect.sha256, bytes: effect.bytes });
      case 'forgetLocalCopy':
        return void forgetSavedCopy(ports, effect);
      case 'track':
        return track(effect.takeId, effect.as);
      case 'mark':
        return ports.mark(effect.step, effect.detail);
    }
  }

  function startRecorder(): void {
    if (!source.stream) return dispatch({ type: 'recorderStartFailed' });
    try {
      recording = ports.recorder.create({
        stream: source.stream,
        kind: state.kind,
        onChunk: (chunk) => dispatch({ type: 'chunk', chunk }),
        onFailure: (reason) => dispatch({ type: 'recorderFailed', reason }),
      });
    } catch (error) {
      console.warn('The recorder could not be created', error);
      return dispatch({ type: 'recorderStartFailed' });
    }
    dispatch({ type: 'recorderCreated', mimeType: recording.mimeType, wallTime: ports.wallTime() });
    later(
      recording.start(),
      () => ({ type: 'recorderStarted' }),
      (error) => {
        console.warn('The recorder could not start', error);
        return { type: 'recorderStartFailed' };
      },
    );
  }

  function keepChunk(effect: Extract<TakeEffect, { type: 'keepChunk' }>): void {
    inStore(async () => {
      const kept = await keepChunkLocally(ports.store, effect, hash, ports.timers);
      if (!kept.hashed) hash = null;
      dispatch({ type: 'chunkKept', written: kept.written });
    });
  }

  function endBuffer(withHash: boolean): void {
    if (!buffer.isEnded) buffer.end();
    blob = buffer.toBlob(state.mimeType);
    if (listener && blob.size > 0 && !playbackUrl) playbackUrl = ports.createObjectUrl(blob);
    if (!withHash) return dispatch({ type: 'localComplete', sha256: null });
    ports.mark('hash-start', { bytes: blob.size, known: hash !== null });
    if (hash) {
      const sha256 = hash.digestHex();
      hash = null;
      ports.mark('hashed');
      return dispatch({ type: 'localComplete', sha256 });
    }
    later(ports.hashBlob(blob), (sha256) => {
      ports.mark('hashed');
      return { type: 'localComplete', sha256 };
    });
  }

  const timers = namedTimers(ports.timers, (name) => dispatch({ type: 'timer', name }));

  function track(takeId: string, as: 'recording' | 'finishing' | 'recoverable' | 'done'): void {
    const { registry } = ports;
    if (as !== 'recoverable') return registry.track(takeId, as, handle);
    const failure = state.pendingFailure ?? state.failure;
    const take =
      failure?.kind === 'technical' && failure.reason === 'upload_refused' ? failure.recoverable : null;
    if (take && blob && state.endpoint) {
      registry.keep({ take, blob, kind: state.kind, endpoint: state.endpoint, uploadUrl: state.upload.url });
    } else {
      registry.track(takeId, 'done', handle);
    }
  }

  function currentReport(): TakeReport {
    return { ...viewOf(state), playbackUrl };
  }

  function afterChange(): void {
    const now = currentReport();
    const patch: TakeReport = {};
    for (const key of Object.keys(now) as (keyof TakeReport)[]) {
      if (reported[key] !== now[key]) Object.assign(patch, { [key]: now[key] });
    }
    reported = now;
    if (listener && Object.keys(patch).length > 0) listener(patch);
    const { step } = state;
    if (step === 'unopened') rejectReady(state.error);
    else if (step !== 'locking' && step !== 'opening' && step !== 'starting') resolveReady();
    if (!isBusy()) {
      for (const resolve of [...stopWaiters]) resolve();
      stopWaiters.clear();
    }
    if (isSettled(state)) settle();
  }

  function settle(): void {
    if (settled) return;
    settled = true;
    unwatch();
    timers.clearAll();
    for (const attempt of attempts.values()) attempt.abort();
    attempts.clear();
    takeLease?.release();
    recordingLease?.release();
    resolveDone(viewOf(state));
  }

  const handle: TakeHandle = {
    ready,
    done,
    get view() {
      return viewOf(state);
    },
    stop() {
      if (!isBusy()) return Promise.resolve();
      const stopped = new Promise<void>((resolve) => stopWaiters.add(resolve));
      dispatch({ type: 'stop' });
      return stopped;
    },
    detach() {
      listener = null;
      playbackUrl = null;
      dispatch({ type: 'detach' });
    },
    listen(next) {
      listener = next;
      if (blob && blob.size > 0 && !playbackUrl) playbackUrl = ports.createObjectUrl(blob);
      reported = {};
      afterChange();
    },
  };
  // Until the recording is complete locally (or the take ended): what stop() waits for.
  const isBusy = () => ['locking', 'opening', 'starting', 'recording', 'stopping'].includes(state.step);

  for (const effect of start.effects) run(effect);
  afterChange();
  return handle;
}
