import { Upload, type HttpResponse } from 'tus-js-client';
import {
  SourceDetachedError,
  SourceOverrunError,
  type RecordingBuffer,
  type RecordingSource,
} from './recordingBuffer.ts';
import { markTake } from './takeMarks.ts';
import { classifyUploadError, retryDelayMs } from './uploadRetry.ts';

type UploadOptions = ConstructorParameters<typeof Upload>[1];

/** What the server stored, as it reported with its answer to the last PATCH. */
export interface StoredCopy {
  sha256: string;
  bytes: number;
}

/**
 * How the upload of a take ended. It never ends because the network is down: that only delays it. `stored` is
 * null when the last answer did not carry the server's checksum (e.g. the upload was found complete by a HEAD).
 */
export type UploadOutcome =
  | { kind: 'complete'; stored: StoredCopy | null }
  | { kind: 'refused'; status: number; code: string | null }
  | { kind: 'aborted' };

export interface TakeUpload {
  /** Settles once: every byte arrived and the length was declared, the server refused, or abort() was called. */
  readonly done: Promise<UploadOutcome>;
  /** Stops sending; the bytes stay on the server and the local copy can resume later. */
  abort(): void;
}

export interface StartTakeUploadOptions {
  takeId: string;
  /** Where the upload is created (absolute), used only while its own URL is unknown. */
  endpoint: string;
  /** The upload's own URL when it already exists (a resume after a reload). */
  uploadUrl: string | null;
  buffer: RecordingBuffer;
  /** Called as soon as the server named the upload's URL, so it can be stored before more bytes move. */
  onUploadUrl?: (url: string) => void;
  /** Bytes the server acknowledged so far. */
  onAccepted?: (bytes: number) => void;
}

/** What the uploader needs from the browser; tests pass fakes. */
export interface UploaderEnvironment {
  createUpload(options: UploadOptions): Pick<Upload, 'start' | 'abort' | 'url'>;
  isOnline(): boolean;
  /** Calls `listener` on each 'online' event; returns the unsubscribe. */
  onOnline(listener: () => void): () => void;
  /** In [0, 1), as Math.random: spreads the waits between retries. */
  random(): number;
}

const browserEnvironment: UploaderEnvironment = {
  // The source comes from `fileReader`; tus still wants a truthy file, which it only fingerprints.
  createUpload: (options) => new Upload(new Blob(), options),
  isOnline: () => navigator.onLine,
  random: () => Math.random(),
  onOnline(listener) {
    window.addEventListener('online', listener);
    return () => window.removeEventListener('online', listener);
  },
};

/** At most this much goes in one PATCH (catching up after a reload or time offline). */
const maxPatchBytes = 4 * 1024 * 1024;
/** A request that neither sends nor hears anything for this long is dropped and the upload resumes afresh. */
export const stallTimeoutMs = 30_000;
/** While the browser says it is offline, check again at least this often (it can be wrong). */
const offlineRecheckMs = 30_000;

// The server refuses candidate state changes without this header (its CSRF defence; see candidate-cookie.ts).
const candidateHeaders = { 'x-requested-with': 'oneway' };

type AttemptResult =
  | { kind: 'success'; stored: StoredCopy | null }
  | { kind: 'error'; error: Error }
  | { kind: 'stalled' | 'aborted' };

/**
 * The server answers the PATCH that completes an upload with the SHA-256 and size it stored (see the server's
 * upload-hooks.ts), so the page can compare without asking again.
 */
export const storedSha256Header = 'Oneway-Take-Sha256';
export const storedBytesHeader = 'Oneway-Take-Bytes';

function storedCopyOf(response: Pick<HttpResponse, 'getHeader'>): StoredCopy | null {
  const sha256 = response.getHeader(storedSha256Header);
  const bytes = Number(response.getHeader(storedBytesHeader) ?? NaN);
  if (!sha256 || !/^[0-9a-f]{64}$/.test(sha256) || !Number.isSafeInteger(bytes) || bytes < 0) return null;
  return { sha256, bytes };
}

/**
 * Uploads a take over tus while it is being recorded, with the length deferred until the recording ends. Each
 * attempt is a fresh tus Upload with tus's own retries off: it resumes at the offset the server reports (HEAD),
 * reading from the buffer, which keeps every byte. Between attempts it waits (backing off to 15 s, or until the
 * browser is online again), for as long as it takes; only the server's refusal ends it without success.
 */
export function startTakeUpload(
  options: StartTakeUploadOptions,
  env: UploaderEnvironment = browserEnvironment,
): TakeUpload {
  let url = options.uploadUrl;
  let accepted = 0;
  let isAborted = false;
  let abandonAttempt: (() => void) | null = null;
  const wakeOnAbort = new Set<() => void>();

  const noteAccepted = (bytes: number) => {
    if (bytes <= accepted) return;
    accepted = bytes;
    options.onAccepted?.(bytes);
  };

  function runAttempt(): Promise<AttemptResult> {
    return new Promise((resolve) => {
      const source: RecordingSource = options.buffer.createSource();
      let inFlight = false;
      let lastActivity = Date.now();
      let settled = false;
      let requestStartedAt = 0;
      const settle = (result: AttemptResult) => {
        if (settled) return;
        settled = true;
        clearInterval(watchdog);
        abandonAttempt = null;
        source.detach();
        resolve(result);
      };
      const touch = () => {
        lastActivity = Date.now();
      };
      const upload = env.createUpload({
        endpoint: url === null ? options.endpoint : null,
        uploadUrl: url,
        metadata: { takeId: options.takeId },
        headers: candidateHeaders,
        uploadLengthDeferred: true,
        chunkSize: maxPatchBytes,
        retryDelays: null,
        storeFingerprintForResuming: false,
        removeFingerprintOnSuccess: false,
        fileReader: { openFile: () => Promise.resolve(source) },
        onUploadUrlAvailable: () => {
          if (upload.url && upload.url !== url) {
            url = upload.url;
            options.onUploadUrl?.(url);
          }
        },
        onBeforeRequest: () => {
          // tus checks for abort() only before it reads a slice: a read that resolves after abort() would still
          // send its request (seen: a PATCH stripped of its headers). Refusing here keeps an abandoned attempt
          // silent; tus then drops the error because it was aborted.
          if (settled) throw new SourceDetachedError();
          inFlight = true;
          touch();
          requestStartedAt = performance.now();
        },
        onAfterResponse: (req, res) => {
          inFlight = false;
          touch();
          markTake('request', {
            method: req.getMethod(),
            status: res.getStatus(),
            offset: Number(req.getHeader('Upload-Offset') ?? NaN),
            length: req.getHeader('Upload-Length') ?? null,
            startedAt: requestStartedAt,
          });
        },
        onProgress: touch,
        onChunkComplete: (_chunk, bytesAccepted) => noteAccepted(bytesAccepted),
        onSuccess: ({ lastResponse }) => {
          noteAccepted(options.buffer.size);
          settle({ kind: 'success', stored: storedCopyOf(lastResponse) });
        },
        onError: (error) => settle({ kind: 'error', error }),
      });
      const stop = (result: AttemptResult) => {
        // Abort first: tus then ignores the rejection the detached source gives a read still waiting for data.
        void upload.abort();
        settle(result);
      };
      abandonAttempt = () => stop({ kind: 'aborted' });
      const watchdog = setInterval(() => {
        if (inFlight && Date.now() - lastActivity > stallTimeoutMs) stop({ kind: 'stalled' });
      }, 5_000);
      upload.start();
    });
  }

  function pause(failures: number): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        unsubscribe();
        wakeOnAbort.delete(finish);
        resolve();
      };
      const delay = env.isOnline() ? retryDelayMs(failures, () => env.random()) : offlineRecheckMs;
      const timer = setTimeout(finish, delay);
      const unsubscribe = env.onOnline(finish);
      wakeOnAbort.add(finish);
    });
  }

  async function run(): Promise<UploadOutcome> {
    let failures = 0;
    let unexplainedClientErrors = 0;
    for (;;) {
      const acceptedBefore = accepted;
      const result = await runAttempt();
      if (isAborted) return { kind: 'aborted' };
      if (result.kind === 'success') return { kind: 'complete', stored: result.stored };
      if (accepted > acceptedBefore) {
        failures = 0;
        unexplainedClientErrors = 0;
      }
      if (result.kind === 'error') {
        const { error } = result;
        if (!('originalRequest' in error) || error.originalRequest == null) {
          // Not a request that failed but tus refusing its options: retrying would only repeat it.
          console.error('The upload could not start', error);
          return { kind: 'refused', status: 0, code: 'client_error' };
        }
        const { status, body } = responseOf(error);
        if (causeOf(error) instanceof SourceOverrunError) {
          return { kind: 'refused', status, code: 'local_copy_shorter' };
        }
        const verdict = classifyUploadError({ status, body, unexplainedClientErrors });
        if (verdict.kind === 'refused') return verdict;
        if (status >= 400 && status < 500) unexplainedClientErrors++;
      }
      await pause(failures++);
      if (isAborted) return { kind: 'aborted' };
    }
  }

  const done = run();
  return {
    done,
    abort() {
      isAborted = true;
      abandonAttempt?.();
      for (const wake of [...wakeOnAbort]) wake();
    },
  };
}

/** The HTTP status (0 when there was no answer) and body behind a tus error. */
function responseOf(error: Error): { status: number; body: string | null } {
  if (!('originalResponse' in error)) return { status: 0, body: null };
  const response = error.originalResponse as { getStatus(): number; getBody(): string } | null;
  if (!response) return { status: 0, body: null };
  return { status: response.getStatus(), body: response.getBody() };
}

function causeOf(error: Error): unknown {
  return 'causingError' in error ? error.causingError : undefined;
}
