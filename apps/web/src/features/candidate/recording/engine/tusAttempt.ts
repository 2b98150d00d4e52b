import type { AttemptEventBody, StoredCopy } from './machine/state.ts';
import type { TusPort } from './ports.ts';
import { SourceDetachedError, SourceOverrunError } from './recordingBuffer.ts';
import { markTake } from './takeMarks.ts';
import { requestedWithHeaders } from '../../../../api/requestedWith.ts';

/** One HTTP request of the tus protocol; rejects when no answer came (offline, connection dropped, aborted). */
export interface HttpRequest {
  method: 'POST' | 'HEAD' | 'PATCH';
  url: string;
  headers: Record<string, string>;
  body: Blob | null;
  /** Bytes of the body sent so far. */
  onProgress?: (sent: number) => void;
  signal: AbortSignal;
}

export interface HttpAnswer {
  status: number;
  header(name: string): string | null;
  body: string;
}

export type HttpSend = (request: HttpRequest) => Promise<HttpAnswer>;

/** At most this much goes in one PATCH (catching up after a reload or time offline). */
export const maxPatchBytes = 4 * 1024 * 1024;

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

const tusHeaders = { ...requestedWithHeaders, 'Tus-Resumable': '1.0.0' };

/** The request's answer was not a success: the machine weighs its status and body. */
class RequestFailed extends Error {
  constructor(readonly answer: HttpAnswer) {
    super(`The server answered ${answer.status}`);
  }
}

const isSuccess = (answer: HttpAnswer) => answer.status >= 200 && answer.status < 300;
const offsetOf = (answer: HttpAnswer) => Number.parseInt(answer.header('Upload-Offset') ?? '', 10);

/**
 * One attempt of the tus protocol (1.0 core, creation with a deferred length): it creates the upload when its URL
 * is not known yet, otherwise asks the server for its offset (HEAD), then sends from there, one PATCH per slice of
 * the buffer, the last one declaring the length. It reports requests, body progress and acknowledged bytes, then
 * succeeds or fails once; retrying is the machine's business. An aborted attempt sends nothing more: its source
 * view is detached and its request cancelled.
 *
 * (tus-js-client did this before; the engine had already taken its source, retries and resumption over, and the
 * protocol steps left are these few, at a sixth of its size in the candidate's download.)
 */
export function tusPort(send: HttpSend): TusPort {
  return {
    startAttempt({ takeId, endpoint, url, buffer, onEvent }) {
      const source = buffer.createSource();
      const controller = new AbortController();
      let settled = false;

      const request = async (
        options: Omit<HttpRequest, 'signal'>,
        markDetail: Record<string, unknown> = {},
      ) => {
        if (settled) throw new SourceDetachedError();
        const startedAt = performance.now();
        onEvent({ type: 'requestSent' });
        const answer = await send({ ...options, signal: controller.signal });
        if (settled) throw new SourceDetachedError();
        onEvent({ type: 'requestAnswered', status: answer.status });
        markTake('request', { method: options.method, status: answer.status, startedAt, ...markDetail });
        if (!isSuccess(answer)) throw new RequestFailed(answer);
        return answer;
      };

      async function run(): Promise<AttemptEventBody> {
        let location = url;
        let offset: number;
        if (location === null) {
          const metadata = `takeId ${btoa(takeId)}`;
          const created = await request({
            method: 'POST',
            url: endpoint,
            headers: { ...tusHeaders, 'Upload-Defer-Length': '1', 'Upload-Metadata': metadata },
            body: null,
          });
          const named = created.header('Location');
          if (!named) throw new RequestFailed(created);
          location = new URL(named, endpoint).href;
          onEvent({ type: 'uploadUrl', url: location });
          offset = 0;
        } else {
          const head = await request({ method: 'HEAD', url: location, headers: tusHeaders, body: null });
          offset = offsetOf(head);
          const length = Number.parseInt(head.header('Upload-Length') ?? '', 10);
          if (Number.isNaN(offset)) throw new RequestFailed(head);
          // Every byte arrived already (the answer to the last PATCH was lost).
          if (offset === length)
            return { type: 'attemptSucceeded', stored: storedCopyOf((n) => head.header(n)) };
        }
        for (;;) {
          const { value, done } = await source.slice(offset, offset + maxPatchBytes);
          const size = value?.size ?? 0;
          const start = offset;
          const headers: Record<string, string> = {
            ...tusHeaders,
            'Content-Type': 'application/offset+octet-stream',
            'Upload-Offset': String(start),
          };
          if (done) headers['Upload-Length'] = String(start + size);
          const answer = await request(
            {
              method: 'PATCH',
              url: location,
              headers,
              body: value,
              onProgress: (sent) => {
                if (!settled) onEvent({ type: 'progress', bytes: start + sent });
              },
            },
            { offset: start, length: headers['Upload-Length'] ?? null },
          );
          offset = offsetOf(answer);
          if (Number.isNaN(offset)) throw new RequestFailed(answer);
          onEvent({ type: 'accepted', bytes: offset });
          if (done && offset === start + size) {
            return { type: 'attemptSucceeded', stored: storedCopyOf((n) => answer.header(n)) };
          }
        }
      }

      run().then(
        (event) => finish(event),
        (error: unknown) => finish(failureOf(error)),
      );

      function finish(event: AttemptEventBody | null): void {
        if (settled || event === null) return;
        settled = true;
        source.detach();
        onEvent(event);
      }

      return {
        abort() {
          if (settled) return;
          settled = true;
          source.detach();
          controller.abort();
        },
      };
    },
  };
}

function failureOf(error: unknown): AttemptEventBody | null {
  if (error instanceof SourceDetachedError) return null;
  if (error instanceof SourceOverrunError) {
    return { type: 'attemptFailed', status: 0, body: null, serverOffset: error.offset };
  }
  if (error instanceof RequestFailed) {
    return { type: 'attemptFailed', status: error.answer.status, body: error.answer.body };
  }
  // No answer: offline, the connection dropped, the server restarting.
  return { type: 'attemptFailed', status: 0, body: null };
}

/** The browser's HTTP for tus: XMLHttpRequest, the one way to hear how much of a request body has left. */
export const xhrSend: HttpSend = (request) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(request.method, request.url, true);
    for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
    if (request.onProgress) {
      const report = request.onProgress;
      xhr.upload.onprogress = (event) => report(event.loaded);
    }
    xhr.onload = () =>
      resolve({ status: xhr.status, header: (name) => xhr.getResponseHeader(name), body: xhr.responseText });
    xhr.onerror = () => reject(new Error('The request got no answer'));
    xhr.onabort = () => reject(new Error('The request was aborted'));
    request.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(request.body);
  });
