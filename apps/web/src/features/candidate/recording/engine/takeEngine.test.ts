import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import type { TakeReport } from './activeTakes.ts';
import { endpoint } from './testing/fakeTakeServer.ts';
import { fakeTimers, makeBrowser, settle, type FakeTab } from './testing/fakeBrowser.ts';
import type { TakeRecorderState } from './types.ts';

/** Starts a take in `tab` and follows its reports as the page would. */
function follow(tab: FakeTab, questionId = 'q1') {
  const state: Partial<TakeRecorderState> = {};
  const phases: string[] = [];
  const handle = tab.engine.startTake({ stream: tab.stream, questionId, kind: 'video' }, (patch: TakeReport) => {
    Object.assign(state, patch);
    if (patch.phase) phases.push(patch.phase);
  });
  return { handle, state, phases };
}

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
    const recording = tab.recording();
    for (let second = 0; second < 3; second++) {
      recording.chunk(1_000);
      await vi.advanceTimersByTimeAsync(1_000);
    }
    const takeId = take.state.takeId as string;
    expect(browser.store.bytesOf(takeId)).toEqual(recording.bytes);
    const before = browser.server.log.length;
    await take.handle.stop();
    expect(take.state.phase).toBe('finishing');
    await settle();
    expect(take.state.phase).toBe('saved');
    expect(browser.server.uploadOf(takeId)?.data).toEqual(recording.bytes);
    // No round trip after stop: one PATCH carries the last chunk and the length; the answer names the checksum.
    const afterStop = browser.server.log.slice(before);
    expect(afterStop).toEqual([{ client: 'tab1', method: 'PATCH', offset: 3_000, length: '3050', bodyBytes: 50 }]);
    expect(browser.server.apiCalls.filter((c) => c.call === 'takeState')).toHaveLength(0);
    expect(browser.store.metas.has(takeId)).toBe(false);
    expect(tab.saved).toEqual([{ takeId, sha256: browser.server.takes.get(takeId)?.sha256, bytes: 3_050 }]);
    expect(take.state.bytesUploaded).toBe(3_050);
    expect(take.state.playbackUrl).toMatch(/^blob:fake/);
    expect(browser.locks.held.size).toBe(0);
  });
});
