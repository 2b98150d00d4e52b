import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TakeRecorderController } from './takeRecorder.ts';
import { fakeTimers, makeBrowser, settle } from './testing/fakeBrowser.ts';

/** The page's side of the engine (useTakeRecorder without React): one take at a time, nothing lost on reset. */

function setUp() {
  const browser = makeBrowser();
  const tab = browser.tab('tab1');
  const recorder = new TakeRecorderController(tab.engine);
  const changes = vi.fn();
  recorder.subscribe(changes);
  return { browser, tab, recorder, changes };
}

beforeEach(() => {
  fakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('TakeRecorderController', () => {
  it('start resolves once recording runs; stop once the recording is complete here; then saved', async () => {
    const { tab, recorder, changes } = setUp();
    const started = recorder.start({ stream: tab.stream, questionId: 'q1', kind: 'video' });
    expect(recorder.getState().phase).toBe('starting');
    await settle();
    await started;
    expect(recorder.getState().phase).toBe('recording');
    tab.recording().chunk(100);
    await settle();
    await recorder.stop();
    expect(recorder.getState()).toMatchObject({ phase: 'finishing', bytesRecorded: 150 });
    expect(recorder.getState().playbackUrl).toMatch(/^blob:fake/);
    await settle();
    expect(recorder.getState().phase).toBe('saved');
    expect(changes).toHaveBeenCalled();
  });

  it('refuses a second start while a take records', async () => {
    const { tab, recorder } = setUp();
    await recorder.start({ stream: tab.stream, questionId: 'q1', kind: 'video' });
    await expect(recorder.start({ stream: tab.stream, questionId: 'q1', kind: 'video' })).rejects.toThrow(
      /already being recorded/,
    );
  });

  it('rejects back at idle when the take cannot be opened (offline), with nothing recorded', async () => {
    const { browser, tab, recorder } = setUp();
    browser.server.down = true;
    await expect(
      recorder.start({ stream: tab.stream, questionId: 'q1', kind: 'video' }),
    ).rejects.toMatchObject({
      status: 0,
    });
    expect(recorder.getState().phase).toBe('idle');
    expect(tab.recordings).toHaveLength(0);
    expect(browser.locks.held.size).toBe(0);
  });

  it('reset mid-take loses nothing: the take stops, uploads on in the background, and its playback URL is revoked', async () => {
    const { browser, tab, recorder } = setUp();
    await recorder.start({ stream: tab.stream, questionId: 'q1', kind: 'video' });
    tab.recording().chunk(100);
    await settle();
    await recorder.stop();
    const url = recorder.getState().playbackUrl;
    recorder.reset();
    expect(recorder.getState().phase).toBe('idle');
    expect(tab.revoked).toEqual([url]);
    await settle();
    const [take] = browser.server.takes.values();
    expect(take).toMatchObject({ status: 'uploaded', bytes: 150 });
    // Reports of the take let go of are dropped.
    expect(recorder.getState().phase).toBe('idle');
  });

  it('resume shows a recovered take catching up, and resolves once it is saved', async () => {
    const { browser, tab, recorder } = setUp();
    const first = tab.engine.startTake(
      { stream: tab.stream, questionId: 'q1', kind: 'video' },
      () => undefined,
    );
    await settle();
    browser.server.fail('PATCH', 'hang');
    tab.recording().chunk(100);
    await settle();
    const takeId = first.view.takeId as string;
    browser.locks.crash('tab1');
    browser.server.cut('tab1');

    const other = makeOtherTab(browser);
    const resumed = other.recorder.resume(takeId);
    expect(other.recorder.getState()).toMatchObject({ phase: 'finishing', takeId });
    await settle();
    await resumed;
    expect(other.recorder.getState().phase).toBe('saved');
    expect(recorder.getState().phase).toBe('idle');
  });

  it('resume rejects back at idle when this device keeps no copy', async () => {
    const { recorder } = setUp();
    await expect(recorder.resume('unknown')).rejects.toThrow(/keeps no recording/);
    expect(recorder.getState().phase).toBe('idle');
  });
});

function makeOtherTab(browser: ReturnType<typeof makeBrowser>) {
  const tab = browser.tab('tab2');
  return { tab, recorder: new TakeRecorderController(tab.engine) };
}
