import { describe, expect, it } from 'vitest';
import { startLive, startPractice } from './start.ts';
import type { TakeEffect, TakeEventBody, TakeMachine, Transition } from './state.ts';
import { transition } from './transition.ts';
import { offlineRecheckMs, stallTimeoutMs } from './upload.ts';
import { viewOf } from './view.ts';

/** The transitions alone: (state, event) -> (state, effects), no driver, no browser. */

const chunk = (size: number) => new Blob([new Uint8Array(size)]);

/** Applies events in order (each at the given monotonic time), collecting every effect. */
function run(start: Transition, events: [number, TakeEventBody][]): Transition {
  let { state } = start;
  const effects: TakeEffect[] = [...start.effects];
  for (const [at, event] of events) {
    const next = transition(state, { ...event, at });
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects };
}

const live = () => startLive({ questionId: 'q1', kind: 'video', online: true, seed: 7 });

/** A live take recording since t = 1000, its first upload attempt (1) under way. */
function recording(): TakeMachine {
  return run(live(), [
    [0, { type: 'lock', granted: true }],
    [10, { type: 'opened', takeId: 't1', takesLeft: 2, endpoint: 'http://oneway.test/api/v1/uploads' }],
    [20, { type: 'takeLock', granted: true }],
    [30, { type: 'recorderCreated', mimeType: 'video/webm', wallTime: '2026-12-07T10:00:00.000Z' }],
    [1_000, { type: 'recorderStarted' }],
  ]).state;
}

const types = (effects: TakeEffect[]) => effects.map((effect) => effect.type);

describe('the take machine', () => {
  it('asks for the recording lock before anything, and refuses as other_tab without opening a take', () => {
    expect(types(live().effects)).toEqual(['acquireRecordingLock']);
    const refused = run(live(), [[0, { type: 'lock', granted: false }]]);
    expect(refused.state.failure).toEqual({ kind: 'other_tab' });
    expect(types(refused.effects)).not.toContain('openTake');
  });

  it('takes the take lock before the recorder, and saves the take meta before any chunk', () => {
    const result = run(live(), [
      [0, { type: 'lock', granted: true }],
      [10, { type: 'opened', takeId: 't1', takesLeft: 2, endpoint: 'http://x/u' }],
    ]);
    expect(types(result.effects).slice(-1)).toEqual(['acquireTakeLock']);
    const started = run(result, [
      [20, { type: 'takeLock', granted: true }],
      [30, { type: 'recorderCreated', mimeType: 'video/webm', wallTime: 'w' }],
    ]);
    expect(types(started.effects).slice(-3)).toEqual(['startRecorder', 'saveMeta', 'track']);
  });

  it('writes chunks one at a time and hands each to the upload only after its write', () => {
    const result = run({ state: recording(), effects: [] }, [
      [1_100, { type: 'chunk', chunk: chunk(10) }],
      [1_200, { type: 'chunk', chunk: chunk(20) }],
    ]);
    expect(types(result.effects)).toEqual(['keepChunk']);
    expect(result.state.local.queue).toHaveLength(2);
    const kept = run(result, [[1_300, { type: 'chunkKept', written: true }]]);
    expect(types(kept.effects)).toEqual(['keepChunk', 'appendToBuffer', 'keepChunk']);
    expect(viewOf(kept.state).bytesRecorded).toBe(10);
  });

  it('measures elapsed time and stalls on the monotonic times of its events only', () => {
    const state = run({ state: recording(), effects: [] }, [
      [1_500, { type: 'requestSent', attempt: 1 }],
      [26_000, { type: 'timer', name: 'tick' }],
      [26_000, { type: 'timer', name: 'watchdog' }],
    ]).state;
    expect(state.elapsedMs).toBe(25_000);
    expect(state.upload.status).toBe('sending');
    const stalled = run({ state, effects: [] }, [
      [1_500 + stallTimeoutMs + 1, { type: 'timer', name: 'watchdog' }],
    ]);
    expect(stalled.state.upload.status).toBe('waiting');
    expect(stalled.state.server).toBe('unreachable');
    expect(types(stalled.effects)).toContain('abortAttempt');
  });

  it('reports bytes sent never past what was recorded and never below what the server confirmed', () => {
    const withBytes = run({ state: recording(), effects: [] }, [
      [1_100, { type: 'chunk', chunk: chunk(1_000) }],
      [1_110, { type: 'chunkKept', written: true }],
      [1_120, { type: 'accepted', attempt: 1, bytes: 400 }],
      [1_130, { type: 'progress', attempt: 1, bytes: 5_000 }],
    ]).state;
    expect(viewOf(withBytes)).toMatchObject({ bytesRecorded: 1_000, bytesUploaded: 400, bytesSent: 1_000 });
    const failed = run({ state: withBytes, effects: [] }, [
      [1_140, { type: 'attemptFailed', attempt: 1, status: 0, body: null }],
    ]).state;
    expect(viewOf(failed)).toMatchObject({ bytesUploaded: 400, bytesSent: 400, server: 'unreachable' });
  });

  it('spreads retries with its seeded random source, and waits for the browser while offline', () => {
    const fail = (state: TakeMachine, at: number) =>
      run({ state, effects: [] }, [
        [at, { type: 'attemptFailed', attempt: state.upload.attempt, status: 503, body: null }],
      ]);
    const first = fail(recording(), 2_000);
    const again = run(first, [[2_000, { type: 'timer', name: 'retry' }]]);
    const second = fail(again.state, 2_100);
    const delays = [...first.effects, ...second.effects].flatMap((effect) =>
      effect.type === 'setTimer' && effect.name === 'retry' ? [effect.ms] : [],
    );
    expect(delays[0]).toBe(0);
    expect(delays[1]).toBeGreaterThanOrEqual(500);
    expect(delays[1]).toBeLessThan(1_500);
    expect(second.state.server).toBe('busy');
    // The same seed gives the same waits.
    expect(fail(recording(), 2_000).state.seed).toBe(first.state.seed);

    const offline = fail(
      run({ state: recording(), effects: [] }, [[1_500, { type: 'offline' }]]).state,
      2_000,
    );
    expect(offline.effects).toContainEqual({
      type: 'setTimer',
      name: 'retry',
      ms: offlineRecheckMs,
      repeat: false,
    });
    const back = run(offline, [[3_000, { type: 'online' }]]);
    expect(back.state.upload).toMatchObject({ status: 'sending', attempt: 2 });
  });

  it('a server answer to HEAD does not end "busy"; bytes accepted do', () => {
    const busy = run({ state: recording(), effects: [] }, [
      [1_100, { type: 'attemptFailed', attempt: 1, status: 503, body: '{"code":"storage_unavailable"}' }],
      [1_200, { type: 'timer', name: 'retry' }],
      [1_300, { type: 'requestAnswered', attempt: 2, status: 200 }],
    ]).state;
    expect(busy.server).toBe('busy');
    const ok = run({ state: busy, effects: [] }, [
      [1_400, { type: 'accepted', attempt: 2, bytes: 10 }],
    ]).state;
    expect(ok.server).toBe('ok');
  });

  it('ignores the events of an attempt it gave up', () => {
    const stale = run({ state: recording(), effects: [] }, [
      [1_100, { type: 'attemptFailed', attempt: 1, status: 0, body: null }],
      [1_200, { type: 'timer', name: 'retry' }],
      [1_300, { type: 'attemptSucceeded', attempt: 1, stored: null }],
    ]).state;
    expect(stale.upload).toMatchObject({ status: 'sending', attempt: 2 });
  });

  it('a refusal while recording stops the recorder and fails once the local copy is complete, offering it', () => {
    const refused = run({ state: recording(), effects: [] }, [
      [1_100, { type: 'chunk', chunk: chunk(10) }],
      [1_110, { type: 'chunkKept', written: true }],
      [
        1_200,
        { type: 'attemptFailed', attempt: 1, status: 401, body: '{"code":"candidate_session_invalid"}' },
      ],
    ]);
    expect(refused.state.step).toBe('stopping');
    expect(types(refused.effects)).toContain('stopRecorder');
    const done = run(refused, [
      [1_300, { type: 'chunk', chunk: chunk(5) }],
      [1_310, { type: 'chunkKept', written: true }],
      [1_320, { type: 'recorderStopped', wallTime: 'w' }],
      [1_330, { type: 'localComplete', sha256: 'ab' }],
    ]).state;
    expect(done.failure).toEqual({
      kind: 'technical',
      reason: 'upload_refused',
      recoverable: {
        takeId: 't1',
        questionId: 'q1',
        mimeType: 'video/webm',
        bytes: 15,
        seconds: 0.2,
        recordedAt: '2026-12-07T10:00:00.000Z',
      },
    });
  });

  it('after stop, take_taken_over fails the take as taken_over without asking the server again', () => {
    const stopped = run({ state: recording(), effects: [] }, [
      [1_100, { type: 'stop' }],
      [1_200, { type: 'recorderStopped', wallTime: 'w' }],
      [1_300, { type: 'localComplete', sha256: 'ab' }],
      [1_400, { type: 'attemptFailed', attempt: 1, status: 409, body: '{"code":"take_taken_over"}' }],
    ]);
    expect(stopped.state.failure).toEqual({ kind: 'taken_over' });
    expect(types(stopped.effects)).not.toContain('askTakeState');
    expect(stopped.effects).toContainEqual({ type: 'markRefused', takeId: 't1' });
  });

  it('waits for a just-finished upload to show as uploaded for 15 s of the monotonic clock, then offers the copy', () => {
    const asked = run({ state: recording(), effects: [] }, [
      [1_100, { type: 'stop' }],
      [1_200, { type: 'recorderStopped', wallTime: 'w' }],
      [1_300, { type: 'localComplete', sha256: 'ab' }],
      [1_400, { type: 'attemptSucceeded', attempt: 1, stored: null }],
    ]);
    expect(types(asked.effects)).toContain('askTakeState');
    const uploading = { status: 'uploading', bytes: null, sha256: null, failureReason: null } as const;
    const waiting = run(asked, [
      [2_000, { type: 'takeStateAnswered', answer: { ok: true, value: uploading } }],
    ]);
    expect(waiting.state.check.status).toBe('waiting');
    const gaveUp = run(waiting, [
      [2_100, { type: 'timer', name: 'check' }],
      [1_400 + 15_001, { type: 'takeStateAnswered', answer: { ok: true, value: uploading } }],
    ]);
    expect(gaveUp.state.failure).toMatchObject({
      kind: 'technical',
      reason: 'upload_refused',
      recoverable: { takeId: 't1' },
    });
  });

  it('a stop asked for while the take opens stops it as soon as the recorder runs', () => {
    const result = run(live(), [
      [0, { type: 'lock', granted: true }],
      [5, { type: 'stop' }],
      [10, { type: 'opened', takeId: 't1', takesLeft: 2, endpoint: 'http://x/u' }],
      [20, { type: 'takeLock', granted: true }],
      [30, { type: 'recorderStarted' }],
    ]);
    expect(result.state.step).toBe('stopping');
    expect(types(result.effects)).toContain('stopRecorder');
  });

  it('let go of before the take opened: nothing is recorded and the locks go', () => {
    const result = run(live(), [
      [0, { type: 'lock', granted: true }],
      [5, { type: 'detach' }],
      [10, { type: 'opened', takeId: 't1', takesLeft: 2, endpoint: 'http://x/u' }],
    ]);
    expect(result.state.step).toBe('released');
    expect(types(result.effects)).not.toContain('startRecorder');
    expect(types(result.effects).at(-1)).toBe('releaseLocks');
  });

  it('a practice take only records: no lock, no take, no writes, no upload', () => {
    const practice = run(startPractice({ questionId: 'practice', kind: 'audio', online: true, seed: 1 }), [
      [0, { type: 'recorderCreated', mimeType: 'audio/webm', wallTime: 'w' }],
      [10, { type: 'recorderStarted' }],
      [20, { type: 'chunk', chunk: chunk(10) }],
      [30, { type: 'stop' }],
      [40, { type: 'recorderStopped', wallTime: 'w' }],
      [50, { type: 'localComplete', sha256: null }],
    ]);
    expect(practice.state.step).toBe('saved');
    expect(new Set(types(practice.effects))).toEqual(
      new Set([
        'startRecorder',
        'setTimer',
        'appendToBuffer',
        'clearTimer',
        'mark',
        'holdBuffer',
        'stopRecorder',
        'endBuffer',
      ]),
    );
  });
});
