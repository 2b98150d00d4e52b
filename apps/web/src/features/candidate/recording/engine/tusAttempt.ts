import { Upload, type HttpResponse } from 'tus-js-client';
import type { StoredCopy } from './machine/state.ts';
import type { AttemptEventBody, TusPort } from './ports.ts';
import { SourceDetachedError, SourceOverrunError } from './recordingBuffer.ts';
import { markTake } from './takeMarks.ts';

export type UploadOptions = ConstructorParameters<typeof Upload>[1];

/** Builds the tus Upload of one attempt; tests pass one with a fake HTTP stack. */
export type CreateUpload = (options: UploadOptions) => Pick<Upload, 'start' | 'abort' | 'url'>;

// The source comes from `fileReader`; tus still wants a truthy file, which it only fingerprints.
const createBrowserUpload: CreateUpload = (options) => new Upload(new Blob(), options);

/** At most this much goes in one PATCH (catching up after a reload or time offline). */
export const maxPatchBytes = 4 * 1024 * 1024;

// The server refuses candidate state changes without this header (its CSRF defence; see candidate-cookie.ts).
export const candidateHeaders = { 'x-requested-with': 'oneway' };

/**
 * The server answers the PATCH that completes an upload with the SHA-256 and size it stored (see the server's
 * upload-hooks.ts), so the page can compare without asking again.
 */
export const storedSha256Header = 'Oneway-Take-Sha256';
export const storedBytesHeader = 'Oneway-Take-Bytes';

export function storedCopyOf(getHeader: (name: string) => string | null | undefined): StoredCopy | null {
  const sha256 = getHeader(storedSha256Header);
  const bytes = Number(getHeader(storedBytesHeader) ?? NaN);
  if (!sha256 || !/^[0-9a-f]{64}$/.test(sha256) || !Number.isSafeInteger(bytes) || bytes < 0) return null;
  return { sha256, bytes };
}

/** The HTTP status (0 when there was no answer) and body behind a tus error. */
function responseOf(error: Error): { status: number; body: string | null } {
  if (!('originalResponse' in error)) return { status: 0, body: null };
  const response = error.originalResponse as { getStatus(): number; getBody(): string } | null;
  if (!response) return { status: 0, body: null };
  return { status: response.getStatus(), body: response.getBody() };
}

function failureOf(error: Error): AttemptEventBody {
  if (!('originalRequest' in error) || error.originalRequest == null) {
    // Not a request that failed but tus refusing its options: retrying would only repeat it.
    console.error('The upload could not start', error);
    return { type: 'attemptFailed', status: 0, body: null, noRequest: true };
  }
  const { status, body } = responseOf(error);
  const cause = 'causingError' in error ? error.causingError : undefined;
  if (cause instanceof SourceOverrunError) {
    return { type: 'attemptFailed', status, body, serverOffset: cause.offset };
  }
  return { type: 'attemptFailed', status, body };
}

/**
 * One tus attempt with the length deferred and tus's own retries off: it resumes at the offset the server reports
 * (HEAD), reading from the buffer, which keeps every byte; or creates the upload when its URL is not known yet.
 * It reports requests, body progress and acknowledged bytes, then succeeds or fails once. Retrying is the
 * machine's business. An abandoned attempt can send nothing more: its source view is detached.
 */
export function tusPort(createUpload: CreateUpload = createBrowserUpload): TusPort {
  return {
    startAttempt({ takeId, endpoint, url, buffer, onEvent }) {
      const source = buffer.createSource();
      let settled = false;
      let known = url;
      let requestStartedAt = 0;
      const finish = (event: AttemptEventBody) => {
        if (settled) return;
        settled = true;
        source.detach();
        onEvent(event);
      };
      const upload = createUpload({
        endpoint: url === null ? endpoint : null,
        uploadUrl: url,
        metadata: { takeId },
        headers: candidateHeaders,
        uploadLengthDeferred: true,
        chunkSize: maxPatchBytes,
        retryDelays: null,
        storeFingerprintForResuming: false,
        removeFingerprintOnSuccess: false,
        fileReader: { openFile: () => Promise.resolve(source) },
        onUploadUrlAvailable: () => {
          if (upload.url && upload.url !== known) {
            known = upload.url;
            onEvent({ type: 'uploadUrl', url: upload.url });
          }
        },
        onBeforeRequest: () => {
          // tus checks for abort() only before it reads a slice: a read that resolves after abort() would still
          // send its request (seen: a PATCH stripped of its headers). Refusing here keeps an abandoned attempt
          // silent; tus then drops the error because it was aborted.
          if (settled) throw new SourceDetachedError();
          requestStartedAt = performance.now();
          onEvent({ type: 'requestSent' });
        },
        onAfterResponse: (req, res: HttpResponse) => {
          if (settled) return;
          onEvent({ type: 'requestAnswered', status: res.getStatus() });
          markTake('request', {
            method: req.getMethod(),
            status: res.getStatus(),
            offset: Number(req.getHeader('Upload-Offset') ?? NaN),
            length: req.getHeader('Upload-Length') ?? null,
            startedAt: requestStartedAt,
          });
        },
        onProgress: (bytesSent) => {
          if (!settled) onEvent({ type: 'progress', bytes: bytesSent });
        },
        onChunkComplete: (_chunk, bytesAccepted) => {
          if (!settled) onEvent({ type: 'accepted', bytes: bytesAccepted });
        },
        onSuccess: ({ lastResponse }) =>
          finish({ type: 'attemptSucceeded', stored: storedCopyOf((name) => lastResponse.getHeader(name)) }),
        onError: (error) => finish(failureOf(error)),
      });
      upload.start();
      return {
        abort() {
          if (settled) return;
          settled = true;
          // Abort first: tus then ignores the rejection the detached source gives a read still waiting for data.
          void upload.abort();
          source.detach();
        },
      };
    },
  };
}
