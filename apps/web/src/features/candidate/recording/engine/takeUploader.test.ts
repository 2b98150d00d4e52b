import type { HttpRequest, HttpResponse } from 'tus-js-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordingBuffer, SourceOverrunError } from './recordingBuffer.ts';
import { startTakeUpload, stallTimeoutMs, type UploaderEnvironment } from './takeUploader.ts';

type Options = Parameters<UploaderEnvironment['createUpload']>[0];

class FakeUpload {
  url: string | null = null;
  aborted = false;
  constructor(readonly options: Options) {}
  start(): void {}
  abort(): Promise<void> {
    this.aborted = true;
    return Promise.resolve();
  }
}

function fakeBrowser() {
  const uploads: FakeUpload[] = [];
  let online = true;
  const listeners = new Set<() => void>();
  const env: UploaderEnvironment = {
    createUpload: (options) => {
      const upload = new FakeUpload(options);
      uploads.push(upload);
      return upload;
    },
    isOnline: () => online,
    // The middle of each retry's spread, so the waits are the back-off's steps.
    random: () => 0.5,
    onOnline: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    env,
    uploads,
    last: () => uploads.at(-1) as FakeUpload,
    goOffline: () => (online = false),
    goOnline: () => {
      online = true;
      for (const listener of [...listeners]) listener();
    },
  };
}

const response = (status: number, body = '', headers: Record<string, string> = {}): HttpResponse => ({
  getStatus: () => status,
  getHeader: (name) => headers[name],
  getBody: () => body,
  getUnderlyingObject: () => null,
});
const request: HttpRequest = {
  getMethod: () => 'PATCH',
  getURL: () => 'http://oneway.test/api/v1/uploads/abc',
  setHeader: () => undefined,
  getHeader: () => undefined,
  setProgressHandler: () => undefined,
  send: () => Promise.resolve(response(204)),
  abort: () => Promise.resolve(),
  getUnderlyingObject: () => null,
};
/** What tus hands onError for a failed request: status 0 when nothing answered. */
const failedRequest = (status: number, body = '', cause: Error | null = null) =>
  Object.assign(new Error(`request failed (${status})`), {
    originalRequest: request,
    originalResponse: status === 0 ? null : response(status, body),
    causingError: cause,
  });

const endpoint = 'http://oneway.test/api/v1/uploads';
const uploadUrl = 'http://oneway.test/api/v1/uploads/abc';
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('startTakeUpload', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('creates the upload with the length deferred, reports its URL and the acknowledged bytes, and completes', async () => {
    const browser = fakeBrowser();
    const onUploadUrl = vi.fn();
    const onAccepted = vi.fn();
    const buffer = new RecordingBuffer();
    const upload = startTakeUpload(
      { takeId: 't1', endpoint, uploadUrl: null, buffer, onUploadUrl, onAccepted },
      browser.env,
    );
    await settle();
    const first = browser.last();
    expect(first.options).toMatchObject({
      endpoint,
      uploadUrl: null,
      metadata: { takeId: 't1' },
      uploadLengthDeferred: true,
      retryDelays: null,
      headers: { 'x-requested-with': 'oneway' },
    });
    first.url = uploadUrl;
    first.options.onUploadUrlAvailable?.();
    expect(onUploadUrl).toHaveBeenCalledWith(uploadUrl);
    first.options.onChunkComplete?.(100, 100, 0);
    expect(onAccepted).toHaveBeenLastCalledWith(100);
    buffer.append(new Blob([new Uint8Array(120)]));
    buffer.end();
    first.options.onSuccess?.({ lastResponse: response(204) });
    expect(await upload.done).toEqual({ kind: 'complete', stored: null });
    expect(onAccepted).toHaveBeenLastCalledWith(120);
  });

  it('completes with the SHA-256 and size the server reported with its last answer, when it did', async () => {
    const sha256 = 'ab'.repeat(32);
    const outcomeWith = async (headers: Record<string, string>) => {
      const browser = fakeBrowser();
      const upload = startTakeUpload(
        { takeId: 't1', endpoint, uploadUrl, buffer: RecordingBuffer.fromBlob(new Blob(['x'])) },
        browser.env,
      );
      await settle();
      browser.last().options.onSuccess?.({ lastResponse: response(204, '', headers) });
      return upload.done;
    };
    expect(await outcomeWith({ 'Oneway-Take-Sha256': sha256, 'Oneway-Take-Bytes': '1' })).toEqual({
      kind: 'complete',
      stored: { sha256, bytes: 1 },
    });
    // Anything else is no answer: the page then asks the server.
    expect(await outcomeWith({ 'Oneway-Take-Sha256': 'not-a-hash', 'Oneway-Take-Bytes': '1' })).toEqual({
      kind: 'complete',
      stored: null,
    });
    expect(await outcomeWith({ 'Oneway-Take-Sha256': sha256, 'Oneway-Take-Bytes': '-1' })).toEqual({
      kind: 'complete',
      stored: null,
    });
    expect(await outcomeWith({ 'Oneway-Take-Sha256': sha256 })).toEqual({ kind: 'complete', stored: null });
  });

  it('after a dropped connection, resumes at its own URL (never creating a second upload) from the same bytes', async () => {
    const browser = fakeBrowser();
    const buffer = new RecordingBuffer();
    buffer.append(new Blob([new Uint8Array([1, 2, 3, 4])]));
    startTakeUpload({ takeId: 't1', endpoint, uploadUrl: null, buffer }, browser.env);
    await settle();
    browser.last().url = uploadUrl;
    browser.last().options.onUploadUrlAvailable?.();
    browser.last().options.onError?.(failedRequest(0));
    await settle();
    expect(browser.uploads).toHaveLength(2);
    expect(browser.last().options).toMatchObject({ endpoint: null, uploadUrl });
    // The server kept 1 byte of what was sent: the next attempt reads from there.
    const source = await browser.last().options.fileReader?.openFile(null, 1_000);
    const slice = await source?.slice(1, 1_000);
    expect([...new Uint8Array(await (slice?.value as Blob).arrayBuffer())]).toEqual([2, 3, 4]);
  });

  it('backs off while failures bring no progress, and starts over once bytes move again', async () => {
    const browser = fakeBrowser();
    startTakeUpload({ takeId: 't1', endpoint, uploadUrl, buffer: new RecordingBuffer() }, browser.env);
    await settle();
    browser.last().options.onError?.(failedRequest(503));
    await settle();
    expect(browser.uploads).toHaveLength(2);
    browser.last().options.onError?.(failedRequest(503));
    await vi.advanceTimersByTimeAsync(999);
    expect(browser.uploads).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(browser.uploads).toHaveLength(3);
    browser.last().options.onChunkComplete?.(10, 10, 0);
    browser.last().options.onError?.(failedRequest(0));
    await settle();
    expect(browser.uploads).toHaveLength(4);
  });

  it('while the browser is offline, waits for it to come back instead of counting down', async () => {
    const browser = fakeBrowser();
    startTakeUpload({ takeId: 't1', endpoint, uploadUrl, buffer: new RecordingBuffer() }, browser.env);
    await settle();
    browser.goOffline();
    browser.last().options.onError?.(failedRequest(0));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(browser.uploads).toHaveLength(1);
    browser.goOnline();
    await settle();
    expect(browser.uploads).toHaveLength(2);
  });

  it('keeps trying for as long as it takes (here an hour of failures)', async () => {
    const browser = fakeBrowser();
    const upload = startTakeUpload(
      { takeId: 't1', endpoint, uploadUrl, buffer: new RecordingBuffer() },
      browser.env,
    );
    let finished = false;
    void upload.done.then(() => (finished = true));
    for (let minute = 0; minute < 60; minute++) {
      browser.last().options.onError?.(failedRequest(0));
      await vi.advanceTimersByTimeAsync(60_000);
    }
    expect(finished).toBe(false);
    expect(browser.uploads.length).toBeGreaterThan(50);
  });

  it('ends refused, without retrying, when the server will not take the upload', async () => {
    const browser = fakeBrowser();
    const upload = startTakeUpload(
      { takeId: 't1', endpoint, uploadUrl, buffer: new RecordingBuffer() },
      browser.env,
    );
    await settle();
    browser.last().options.onError?.(failedRequest(409, JSON.stringify({ code: 'take_not_open' })));
    expect(await upload.done).toEqual({ kind: 'refused', status: 409, code: 'take_not_open' });
    expect(browser.uploads).toHaveLength(1);
  });

  it('ends refused when the server claims more bytes than were recorded', async () => {
    const browser = fakeBrowser();
    const upload = startTakeUpload(
      { takeId: 't1', endpoint, uploadUrl, buffer: new RecordingBuffer() },
      browser.env,
    );
    await settle();
    browser.last().options.onError?.(failedRequest(0, '', new SourceOverrunError(10, 5)));
    expect(await upload.done).toMatchObject({ kind: 'refused', code: 'local_copy_shorter' });
  });

  it('drops a request that hangs without progress and resumes afresh; the dropped attempt can send nothing more', async () => {
    const browser = fakeBrowser();
    startTakeUpload({ takeId: 't1', endpoint, uploadUrl, buffer: new RecordingBuffer() }, browser.env);
    await settle();
    const hung = browser.last();
    await hung.options.onBeforeRequest?.(request);
    await vi.advanceTimersByTimeAsync(stallTimeoutMs + 5_000);
    expect(hung.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(browser.uploads).toHaveLength(2);
    expect(() => hung.options.onBeforeRequest?.(request)).toThrow();
  });

  it('does not count waiting for the next recorder chunk as hanging', async () => {
    const browser = fakeBrowser();
    startTakeUpload({ takeId: 't1', endpoint, uploadUrl, buffer: new RecordingBuffer() }, browser.env);
    await settle();
    const first = browser.last();
    await first.options.onBeforeRequest?.(request);
    await first.options.onAfterResponse?.(request, response(204));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(first.aborted).toBe(false);
    expect(browser.uploads).toHaveLength(1);
  });

  it('abort() stops it between attempts', async () => {
    const browser = fakeBrowser();
    const upload = startTakeUpload(
      { takeId: 't1', endpoint, uploadUrl, buffer: new RecordingBuffer() },
      browser.env,
    );
    await settle();
    browser.last().options.onError?.(failedRequest(0));
    browser.last().options.onError?.(failedRequest(0));
    await settle();
    upload.abort();
    expect(await upload.done).toEqual({ kind: 'aborted' });
  });
});
