import { practiceQuestionId } from '@oneway/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TakeReport } from './activeTakes.ts';
import { Sha256 } from './hash.ts';
import { localWriteDeadlineMs } from './driverParts.ts';
import { stallTimeoutMs } from './machine/upload.ts';
import { fakeTimers, makeBrowser, settle, type FakeTab } from './testing/fakeBrowser.ts';
import type { TakeRecorderState } from './types.ts';

/**
 * The engine under the faults of issue 12 that live in it, its tus client against a fake server, with a fake
 * MediaRecorder, IndexedDB and clock (the end-to-end fault matrix covers the real path).
 */

/** Starts a take in `tab` and follows its reports as the page would. */
function follow(tab: FakeTab, questionId = 'q1') {
  const state: Partial<TakeRecorderState> = {};
  const seen: Partial<TakeRecorderState>[] = [];
  const report = (patch: TakeReport) => {
    Object.assign(state, patch);
    seen.push({ ...state });
  };
  const handle = tab.engine.startTake({ stream: tab.stream, questionId, kind: 'video' }, report);
  return { handle, state, seen, takeId: () => state.takeId as string };
}

/** The recorder delivers `seconds` chunks of `bytes`, one a second. */
async function record(tab: FakeTab, seconds: number, bytes = 1_000) {
  for (let second = 0; second < seconds; second++) {
    tab.recording().chunk(bytes);
    await vi.advanceTimersByTimeAsync(1_000);
  }
}

const sha256 = (bytes: Uint8Array) => new Sha256().update(bytes).digestHex();

beforeEach(() => {
  fakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a take, from start to saved', () => {
  it('records, uploads while recording, and is saved once the server holds the same bytes; the local copy goes', async () => {
    const browser = makeBrowser();
    const tab = browser.tab('tab1');
    const take = follow(tab);
    await settle();
    expect(take.state.phase).toBe('recording');
    await record(tab, 3);
    const takeId = take.takeId();
    expect(browser.store.bytesOf(takeId)).toEqual(tab.recording().bytes);
    const before = browser.server.log.length;
    await take.handle.stop();
    expect(take.state.phase).toBe('finishing');
    await settle();
    expect(take.state.phase).toBe('saved');
    expect(browser.server.uploadOf(takeId)?.data).toEqual(tab.recording().bytes);
    // No round trip after stop: one PATCH carries the last chunk and the length; its answer names the checksum.
    expect(browser.server.log.slice(before)).toEqual([
      { client: 'tab1', method: 'PATCH', offset: 3_000, length: '3050', bodyBytes: 50 },
    ]);
    expect(browser.server.apiCalls.filter((c) => c.call === 'takeState')).toHaveLength(0);
    expect(browser.store.metas.has(takeId)).toBe(false);
    expect(tab.saved).toEqual([{ takeId, sha256: sha256(tab.recording().bytes), bytes: 3_050 }]);
    expect(take.state).toMatchObject({
      bytesUploaded: 3_050,
      bytesSent: 3_050,
      server: 'ok',
      localCopy: 'kept',
    });
    expect(take.state.playbackUrl).toMatch(/^blob:fake/);
    expect(browser.locks.held.size).toBe(0);
  });

  it('a practice take never leaves the browser: no take opened, nothing kept in IndexedDB, nothing sent', async () => {
    const browser = makeBrowser();
    const tab = browser.tab('tab1');
    const take = follow(tab, practiceQuestionId);
    await settle();
    expect(take.state.phase).toBe('recording');
    await record(tab, 3);
    await take.handle.stop();
    await settle();
    expect(take.state).toMatchObject({ phase: 'saved', takeId: null, bytesRecorded: 3_050, failure: null });
    expect(take.state.playbackUrl).toMatch(/^blob:fake/);
    expect(browser.server.apiCalls).toEqual([]);
    expect(browser.server.log).toEqual([]);
    expect(browser.store.metas.size).toBe(0);
    expect(browser.store.chunks.size).toBe(0);
    expect(tab.saved).toEqual([]);
    expect(browser.locks.held.size).toBe(0);
  });
});

describe('faults while recording and saving', () => {
  it('the last PATCH is cut after the server recorded the length: the retry declares the same length and the take is saved', async () => {
    const browser = makeBrowser();
    const tab = browser.tab('tab1');
    const take = follow(tab);
    await settle();
    await record(tab, 2);
    browser.server.fail('PATCH', 'cutBody');
    await take.handle.stop();
    await settle();
    expect(take.state.phase).toBe('saved');
    expect(browser.server.uploadOf(take.takeId())?.data).toEqual(tab.recording().bytes);
    const declared = browser.server.log.filter((request) => request.length !== null);
    expect(declared.map((request) => [request.offset, request.length])).toEqual([
      [2_000, '2050'],
      [2_025, '2050'],
    ]);
  });

  it('an upload refused for good is offered for recovery from the local copy, and recovering it saves it', async () => {
    const browser = makeBrowser();
    // The server before the fix: the retry of a cut last PATCH is refused with a plain 400, again and again.
    browser.server.legacyLengthRule = true;
    const tab = browser.tab('tab1');
    const take = follow(tab);
    await settle();
    await record(tab, 2);
    browser.server.fail('PATCH', 'cutBody');
    await take.handle.stop();
    await vi.advanceTimersByTimeAsync(180_000);
    const takeId = take.takeId();
    expect(take.state.phase).toBe('failed');
    const offered = { takeId, questionId: 'q1', bytes: 2_050, seconds: expect.any(Number) as number };
    expect(take.state.failure).toEqual({
      kind: 'technical',
      reason: 'upload_refused',
      recoverable: expect.objectContaining(offered) as unknown,
    });
    expect(await tab.engine.listRecoverableTakes()).toEqual([expect.objectContaining(offered)]);
    // Offered again after a reload too: the copy is not marked refused.
    expect(browser.store.metas.get(takeId)?.refusedAt).toBeNull();

    browser.server.legacyLengthRule = false;
    const resumed: Partial<TakeRecorderState> = {};
    const handle = await tab.engine.resumeTake(takeId, (patch) => Object.assign(resumed, patch));
    await settle();
    expect((await handle.done).phase).toBe('saved');
    expect(resumed.phase).toBe('saved');
    expect(browser.server.takes.get(takeId)?.sha256).toBe(sha256(tab.recording().bytes));
    expect(await tab.engine.listRecoverableTakes()).toEqual([]);
  });

  it('the server cannot store (503 storage_unavailable): busy, retrying, the local copy kept; saved once it can', async () => {
    const browser = makeBrowser();
    const tab = browser.tab('tab1');
    const take = follow(tab);
    await settle();
    await record(tab, 1);
    browser.server.storageFull = true;
    await record(tab, 5);
    expect(take.state).toMatchObject({
      phase: 'recording',
      server: 'busy',
      localCopy: 'kept',
      bytesUploaded: 1_000,
    });
    await take.handle.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(take.state).toMatchObject({ phase: 'finishing', server: 'busy' });
    const takeId = take.takeId();
    expect(browser.store.bytesOf(takeId)).toEqual(tab.recording().bytes);
    const refusedPatches = browser.server.log.filter((request) => request.method === 'PATCH').length;
    expect(refusedPatches).toBeGreaterThan(5);
    browser.server.storageFull = false;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(take.state).toMatchObject({ phase: 'saved', server: 'ok' });
    expect(browser.server.uploadOf(takeId)?.data).toEqual(tab.recording().bytes);
  });

  it('IndexedDB is full: the local copy is failing, persistent storage is asked for, and the upload goes on to saved', async () => {
    const browser = makeBrowser();
    browser.store.quotaBytes = 1_500;
    const tab = browser.tab('tab1');
    const take = follow(tab);
    await settle();
    await record(tab, 1);
    expect(take.state.localCopy).toBe('kept');
    await record(tab, 3);
    expect(take.state).toMatchObject({ phase: 'recording', localCopy: 'failing', bytesRecorded: 4_000 });
    expect(tab.persistence.asked).toBe(1);
    const takeId = take.takeId();
    // The copy kept is a prefix (no chunk after the failed one is written), and the upload has everything.
    expect(browser.store.bytesOf(takeId)).toEqual(tab.recording().bytes.subarray(0, 1_000));
    expect(take.state.bytesUploaded).toBe(4_000);
    await take.handle.stop();
    await settle();
    expect(take.state.phase).toBe('saved');
    expect(browser.server.uploadOf(takeId)?.data).toEqual(tab.recording().bytes);
  });

  it('IndexedDB stops answering: after the deadline the local copy is failing, and the upload goes on to saved', async () => {
    const browser = makeBrowser();
    const tab = browser.tab('tab1');
    const take = follow(tab);
    await settle();
    await record(tab, 1);
    const takeId = take.takeId();
    expect(browser.server.uploadOf(takeId)?.data.length ?? 0).toBe(1_000);
    browser.store.writesHang = true;
    await record(tab, 3);
    // Held back while the write may still answer: nothing past the first chunk has gone to the server.
    expect(take.state.localCopy).toBe('kept');
    expect(take.state.bytesUploaded).toBe(1_000);
    await vi.advanceTimersByTimeAsync(localWriteDeadlineMs);
    expect(take.state).toMatchObject({ phase: 'recording', localCopy: 'failing' });
    expect(tab.persistence.asked).toBe(1);
    await record(tab, 2);
    expect(take.state.bytesUploaded).toBe(6_000);
    await take.handle.stop();
    await settle();
    await vi.advanceTimersByTimeAsync(localWriteDeadlineMs);
    expect(take.state.phase).toBe('saved');
    expect(browser.server.uploadOf(takeId)?.data).toEqual(tab.recording().bytes);
  });

  it('reports bytes sent as they leave, never past what was recorded, and falls back to what the server confirmed', async () => {
    const browser = makeBrowser();
    const tab = browser.tab('tab1');
    const take = follow(tab);
    await settle();
    await record(tab, 1);
    browser.server.fail('PATCH', 'hangHalfSent');
    tab.recording().chunk(2_000);
    await settle();
    expect(take.state).toMatchObject({ bytesRecorded: 3_000, bytesUploaded: 1_000, bytesSent: 2_000 });
    for (const seen of take.seen) {
      expect(seen.bytesSent ?? 0).toBeLessThanOrEqual(seen.bytesRecorded ?? 0);
      expect(seen.bytesSent ?? 0).toBeGreaterThanOrEqual(seen.bytesUploaded ?? 0);
    }
    // The request hangs: dropped after the stall timeout; what was sent is no longer counted.
    await vi.advanceTimersByTimeAsync(stallTimeoutMs + 5_000);
    expect(take.state.bytesUploaded).toBe(3_000);
    expect(take.state.bytesSent).toBe(3_000);
  });

  it('a wall-clock jump cuts nothing: recording and the request in flight go on, measured on the monotonic clock', async () => {
    const browser = makeBrowser();
    const tab = browser.tab('tab1');
    const take = follow(tab);
    await settle();
    browser.server.fail('PATCH', 'hang');
    await record(tab, 10);
    const requests = browser.server.log.length;
    vi.setSystemTime(Date.now() + 10 * 60_000);
    await record(tab, 5);
    expect(take.state.phase).toBe('recording');
    expect(take.state.elapsedMs).toBeGreaterThanOrEqual(14_000);
    expect(take.state.elapsedMs).toBeLessThan(16_000);
    // Still the same request: 15 s without an answer is not a stall.
    expect(browser.server.log.length).toBe(requests);
    await take.handle.stop();
    expect(take.state.elapsedMs).toBeLessThan(16_000);
  });

  it('take_taken_over: the take ends at once with its own failure, and its copy is no longer offered', async () => {
    const browser = makeBrowser();
    const tab = browser.tab('tab1');
    const take = follow(tab);
    await settle();
    await record(tab, 2);
    browser.server.takeOver(take.takeId());
    await record(tab, 1);
    await settle();
    expect(take.state).toMatchObject({ phase: 'failed', failure: { kind: 'taken_over' } });
    expect(tab.recording().state).toBe('stopped');
    expect(browser.store.metas.get(take.takeId())?.refusedAt).not.toBeNull();
    expect(await tab.engine.listRecoverableTakes()).toEqual([]);
  });

  it('a refusal that ends the take for good while recording: failed, not offered again', async () => {
    const browser = makeBrowser();
    const tab = browser.tab('tab1');
    const take = follow(tab);
    await settle();
    await record(tab, 1);
    browser.server.fail('PATCH', { status: 409, body: JSON.stringify({ code: 'take_not_open' }) });
    await record(tab, 1);
    await settle();
    expect(take.state.failure).toEqual({ kind: 'technical', reason: 'upload_refused', recoverable: null });
    expect(await tab.engine.listRecoverableTakes()).toEqual([]);
  });

  it('the camera goes away: the take fails, its upload never declares a length, and its copy is kept', async () => {
    const browser = makeBrowser();
    const tab = browser.tab('tab1');
    const take = follow(tab);
    await settle();
    await record(tab, 2);
    tab.recording().fail('track_ended');
    await settle();
    expect(take.state.failure).toEqual({ kind: 'technical', reason: 'track_ended' });
    expect(browser.server.uploadOf(take.takeId())?.length).toBeNull();
    expect(await tab.engine.listRecoverableTakes()).toEqual([
      expect.objectContaining({ takeId: take.takeId(), bytes: 2_000 }),
    ]);
  });

  it('ten seconds offline: recording goes on, nothing is tried until the browser is back, then it catches up', async () => {
    const browser = makeBrowser();
    const tab = browser.tab('tab1');
    const take = follow(tab);
    await settle();
    await record(tab, 1);
    browser.network.goOffline();
    await record(tab, 1);
    const tried = browser.server.log.length;
    await record(tab, 10);
    expect(take.state.phase).toBe('recording');
    expect(browser.server.log.length).toBe(tried);
    browser.network.goOnline();
    await record(tab, 1);
    await take.handle.stop();
    await settle();
    expect(take.state.phase).toBe('saved');
    expect(browser.server.uploadOf(take.takeId())?.data).toEqual(tab.recording().bytes);
  });

  it('the server restarts mid-upload: the upload resumes from the offset HEAD reports', async () => {
    const browser = makeBrowser();
    const tab = browser.tab('tab1');
    const take = follow(tab);
    await settle();
    await record(tab, 2);
    browser.server.fail('PATCH', 'hang');
    await record(tab, 1);
    browser.server.restart();
    await settle();
    const afterRestart = browser.server.log.slice(-2).map((request) => [request.method, request.offset]);
    expect(afterRestart).toEqual([
      ['HEAD', null],
      ['PATCH', 2_000],
    ]);
    await take.handle.stop();
    await settle();
    expect(take.state.phase).toBe('saved');
    expect(browser.server.uploadOf(take.takeId())?.data).toEqual(tab.recording().bytes);
  });

  it('the answer to the last PATCH is lost: the server is asked, and the take is saved', async () => {
    const browser = makeBrowser();
    const tab = browser.tab('tab1');
    const take = follow(tab);
    await settle();
    await record(tab, 2);
    browser.server.fail('PATCH', 'dropAnswer');
    await take.handle.stop();
    await settle();
    expect(take.state.phase).toBe('saved');
    expect(browser.server.apiCalls.filter((c) => c.call === 'takeState')).toHaveLength(1);
  });
});
