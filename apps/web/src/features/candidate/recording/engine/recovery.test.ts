import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TakeReport } from './activeTakes.ts';
import type { StoredTakeMeta } from './chunkStore.ts';
import { Sha256 } from './hash.ts';
import { fakeTimers, makeBrowser, settle, type FakeTab } from './testing/fakeBrowser.ts';
import { endpoint } from './testing/fakeTakeServer.ts';
import type { TakeRecorderState } from './types.ts';

/** The recovery paths: a take kept on this device, offered, resumed, discarded, and what another tab holds. */

function follow(tab: FakeTab, questionId = 'q1') {
  const state: Partial<TakeRecorderState> = {};
  const handle = tab.engine.startTake(
    { stream: tab.stream, questionId, kind: 'video' },
    (patch: TakeReport) => Object.assign(state, patch),
  );
  return { handle, state, takeId: () => state.takeId as string };
}

async function record(tab: FakeTab, seconds: number, bytes = 1_000) {
  for (let second = 0; second < seconds; second++) {
    tab.recording().chunk(bytes);
    await vi.advanceTimersByTimeAsync(1_000);
  }
}

/** The tab dies (reload, crash): its locks go with it and its requests never answer again. */
function kill(browser: ReturnType<typeof makeBrowser>, tab: FakeTab) {
  browser.locks.crash(tab.client);
  browser.server.cut(tab.client);
}

async function resume(tab: FakeTab, takeId: string) {
  const state: Partial<TakeRecorderState> = {};
  const handle = await tab.engine.resumeTake(takeId, (patch) => Object.assign(state, patch));
  await settle();
  return { state, view: await handle.done };
}

const sha256 = (bytes: Uint8Array) => new Sha256().update(bytes).digestHex();

beforeEach(() => {
  fakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('recovering a take after a reload', () => {
  it('a reload mid-answer: the next visit offers what was kept and uploads the rest', async () => {
    const browser = makeBrowser();
    const tab1 = browser.tab('tab1');
    const take = follow(tab1);
    await settle();
    await record(tab1, 1);
    browser.server.fail('PATCH', 'hang');
    await record(tab1, 2);
    kill(browser, tab1);

    const tab2 = browser.tab('tab2');
    expect(await tab2.engine.listRecoverableTakes()).toEqual([
      {
        takeId: take.takeId(),
        questionId: 'q1',
        mimeType: 'video/webm;codecs=vp8,opus',
        bytes: 3_000,
        seconds: 3,
        recordedAt: expect.any(String) as string,
      },
    ]);
    const resumed = await resume(tab2, take.takeId());
    expect(resumed.view.phase).toBe('saved');
    expect(resumed.state.playbackUrl).toMatch(/^blob:fake\/tab2/);
    expect(browser.server.uploadOf(take.takeId())?.data).toEqual(tab1.recording().bytes);
    expect(browser.store.metas.size).toBe(0);
    expect(await tab2.engine.listRecoverableTakes()).toEqual([]);
  });

  it('the device kept less than the server (its storage filled up): finished from the server copy once its first bytes match', async () => {
    const browser = makeBrowser();
    browser.store.quotaBytes = 1_500;
    const tab1 = browser.tab('tab1');
    const take = follow(tab1);
    await settle();
    await record(tab1, 3);
    kill(browser, tab1);
    const takeId = take.takeId();
    expect(browser.store.bytesOf(takeId)).toHaveLength(1_000);
    expect(browser.server.uploadOf(takeId)?.data).toHaveLength(3_000);

    const tab2 = browser.tab('tab2');
    expect(await tab2.engine.listRecoverableTakes()).toEqual([
      expect.objectContaining({ takeId, bytes: 1_000 }),
    ]);
    const resumed = await resume(tab2, takeId);
    expect(resumed.view.phase).toBe('saved');
    expect(
      browser.server.apiCalls.filter((c) => c.call === 'prefixSha256' || c.call === 'finishUploadAt'),
    ).toEqual([
      { client: 'tab2', call: 'prefixSha256' },
      { client: 'tab2', call: 'finishUploadAt' },
    ]);
    expect(browser.server.takes.get(takeId)).toMatchObject({
      status: 'uploaded',
      bytes: 3_000,
      sha256: sha256(tab1.recording().bytes),
    });
    expect(tab2.saved).toEqual([{ takeId, sha256: sha256(tab1.recording().bytes), bytes: 3_000 }]);
    expect(browser.store.metas.has(takeId)).toBe(false);
  });

  it('the server copy does not begin with the device bytes: nothing is finished, the copy is no longer offered', async () => {
    const browser = makeBrowser();
    browser.store.quotaBytes = 1_500;
    const tab1 = browser.tab('tab1');
    const take = follow(tab1);
    await settle();
    await record(tab1, 3);
    kill(browser, tab1);
    const upload = browser.server.uploadOf(take.takeId());
    if (upload) upload.data[10] = (upload.data[10] ?? 0) ^ 1;

    const tab2 = browser.tab('tab2');
    const resumed = await resume(tab2, take.takeId());
    expect(resumed.view.failure).toEqual({ kind: 'technical', reason: 'upload_refused', recoverable: null });
    expect(browser.server.takes.get(take.takeId())?.status).toBe('uploading');
    expect(browser.server.apiCalls.some((c) => c.call === 'finishUploadAt')).toBe(false);
    expect(await tab2.engine.listRecoverableTakes()).toEqual([]);
  });

  it('resuming a take this tab is still finishing joins that upload instead of starting a second one', async () => {
    const browser = makeBrowser();
    const tab = browser.tab('tab1');
    const take = follow(tab);
    await settle();
    await record(tab, 1);
    browser.network.goOffline();
    await take.handle.stop();
    take.handle.detach();
    expect(await tab.engine.listRecoverableTakes()).toEqual([
      expect.objectContaining({ takeId: take.takeId() }),
    ]);
    const state: Partial<TakeRecorderState> = {};
    const joined = await tab.engine.resumeTake(take.takeId(), (patch) => Object.assign(state, patch));
    expect(joined).toBe(take.handle);
    expect(state).toMatchObject({ phase: 'finishing', takeId: take.takeId(), bytesRecorded: 1_050 });
    browser.network.goOnline();
    await settle();
    expect(state.phase).toBe('saved');
    expect(browser.server.log.filter((request) => request.method === 'POST')).toHaveLength(1);
  });
});

describe('what the recovery offer lists and deletes', () => {
  const meta = (takeId: string, changes: Partial<StoredTakeMeta> = {}): StoredTakeMeta => ({
    takeId,
    questionId: 'q1',
    kind: 'video',
    mimeType: 'video/webm',
    startedAt: '2026-12-01T10:00:00.000Z',
    endpoint,
    uploadUrl: null,
    stoppedAt: null,
    durationMs: null,
    refusedAt: null,
    bytes: 10,
    chunks: 2,
    ...changes,
  });

  it('offers unfinished takes newest first; deletes empty ones and refused ones older than two weeks', async () => {
    vi.setSystemTime(new Date('2026-12-20T10:00:00.000Z'));
    const browser = makeBrowser();
    const { store } = browser;
    await store.saveTakeMeta(meta('older', { durationMs: 4_500 }));
    await store.saveTakeMeta(meta('newer', { startedAt: '2026-12-02T10:00:00.000Z' }));
    await store.saveTakeMeta(meta('empty', { bytes: 0, chunks: 0 }));
    await store.saveTakeMeta(meta('refused-recently', { refusedAt: '2026-12-19T10:00:00.000Z' }));
    await store.saveTakeMeta(meta('refused-long-ago', { refusedAt: '2026-12-01T10:00:00.000Z' }));
    const tab = browser.tab('tab1');
    const takes = await tab.engine.listRecoverableTakes();
    expect(takes.map((take) => [take.takeId, take.seconds])).toEqual([
      ['newer', 2],
      ['older', 4.5],
    ]);
    expect([...store.metas.keys()].sort()).toEqual(['newer', 'older', 'refused-recently']);
  });

  it('a take another tab is recording is never offered, and "record a fresh take" never deletes it', async () => {
    const browser = makeBrowser();
    const tab1 = browser.tab('tab1');
    const take = follow(tab1);
    await settle();
    await record(tab1, 2);
    const tab2 = browser.tab('tab2');
    expect(await tab2.engine.listRecoverableTakes()).toEqual([]);
    await tab2.engine.discardRecoveredTake(take.takeId());
    expect(browser.store.bytesOf(take.takeId())).toHaveLength(2_000);
    // Its own copies the tab may discard.
    await browser.store.saveTakeMeta(meta('mine'));
    await tab2.engine.discardRecoveredTake('mine');
    expect(browser.store.metas.has('mine')).toBe(false);
    await take.handle.stop();
    await settle();
    expect(take.state.phase).toBe('saved');
  });
});

describe('one tab records at a time', () => {
  it('a second tab cannot start while the first records or finishes, opens nothing on the server, and knows it before Start', async () => {
    const browser = makeBrowser();
    const tab1 = browser.tab('tab1');
    const tab2 = browser.tab('tab2');
    expect(await tab2.engine.isRecordingElsewhere()).toBe(false);
    const first = follow(tab1);
    await settle();
    expect(await tab2.engine.isRecordingElsewhere()).toBe(true);
    expect(await tab1.engine.isRecordingElsewhere()).toBe(false);

    const second = follow(tab2, 'q2');
    await second.handle.ready;
    expect(second.state).toMatchObject({ phase: 'failed', failure: { kind: 'other_tab' }, takeId: null });
    expect(browser.server.apiCalls.filter((c) => c.client === 'tab2')).toEqual([]);

    await record(tab1, 1);
    await first.handle.stop();
    await settle();
    expect(first.state.phase).toBe('saved');
    expect(await tab2.engine.isRecordingElsewhere()).toBe(false);
    const third = follow(tab2, 'q2');
    await settle();
    expect(third.state.phase).toBe('recording');
  });

  it('the same tab records its next take while the last one still finishes', async () => {
    const browser = makeBrowser();
    const tab = browser.tab('tab1');
    const first = follow(tab);
    await settle();
    await record(tab, 1);
    browser.server.fail('PATCH', 'hang');
    await first.handle.stop();
    first.handle.detach();
    const next = follow(tab, 'q2');
    await settle();
    expect(next.state.phase).toBe('recording');
  });

  it('without Web Locks, tabs behave as before: nothing is refused', async () => {
    const browser = makeBrowser({ withoutLocks: true });
    const tab1 = browser.tab('tab1');
    const tab2 = browser.tab('tab2');
    expect(tab1.ports.locks.mode).toBe('none');
    follow(tab1);
    await settle();
    const second = follow(tab2, 'q2');
    await settle();
    expect(second.state.phase).toBe('recording');
  });
});
