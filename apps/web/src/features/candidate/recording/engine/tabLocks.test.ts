import { describe, expect, it } from 'vitest';
import { createTabLocks, recordingLockName, takeLockName, type LockManagerLike } from './tabLocks.ts';
import { FakeLockManager } from './testing/fakeBrowser.ts';

describe('tab locks', () => {
  it("one tab's takes share the recording lock; it goes when the last lets go, and another tab may take it", async () => {
    const manager = new FakeLockManager();
    const tab1 = createTabLocks(manager.forClient('tab1'));
    const tab2 = createTabLocks(manager.forClient('tab2'));
    const first = await tab1.acquireRecording();
    const second = await tab1.acquireRecording();
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(await tab2.acquireRecording()).toBeNull();
    expect(await tab2.isRecordingElsewhere()).toBe(true);
    first?.release();
    expect(manager.held.get(recordingLockName)).toBe('tab1');
    second?.release();
    second?.release();
    expect(await tab2.acquireRecording()).not.toBeNull();
    expect(await tab1.isRecordingElsewhere()).toBe(true);
  });

  it('a take lock this tab just released can be taken again at once (never mistaken for another tab)', async () => {
    const tab = createTabLocks(new FakeLockManager().forClient('tab1'));
    const lease = await tab.acquireTake('t1');
    expect(await tab.acquireTake('t1')).toBeNull();
    lease?.release();
    expect(await tab.acquireTake('t1')).not.toBeNull();
  });

  it("lists the takes other tabs hold, not this tab's", async () => {
    const manager = new FakeLockManager();
    const tab1 = createTabLocks(manager.forClient('tab1'));
    const tab2 = createTabLocks(manager.forClient('tab2'));
    await tab1.acquireTake('a');
    await tab2.acquireTake('b');
    expect([...(await tab1.takesHeldElsewhere())]).toEqual(['b']);
    expect(await tab1.withTakeLock('b', () => Promise.resolve('deleted'))).toBeNull();
    expect(await tab1.withTakeLock('c', () => Promise.resolve('deleted'))).toBe('deleted');
    expect(manager.held.has(takeLockName('c'))).toBe(false);
  });

  it('a lock manager that fails never stops a recording; without one every lock is granted', async () => {
    const broken: LockManagerLike = {
      request: () => Promise.reject(new Error('InvalidStateError')),
      query: () => Promise.reject(new Error('InvalidStateError')),
    };
    const tab = createTabLocks(broken);
    expect(await tab.acquireRecording()).not.toBeNull();
    expect(await tab.takesHeldElsewhere()).toEqual(new Set());
    const none = createTabLocks(undefined);
    expect(none.mode).toBe('none');
    expect(await none.acquireTake('t1')).not.toBeNull();
    expect(await none.isRecordingElsewhere()).toBe(false);
  });
});
