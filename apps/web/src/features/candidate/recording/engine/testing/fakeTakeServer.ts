import type { TakeState, TakeStatus } from '@oneway/shared';
import { Sha256 } from '../hash.ts';
import type { ApiAnswer, StoredCopy } from '../machine/state.ts';
import type { TakeApiPort } from '../ports.ts';
import { storedBytesHeader, storedSha256Header, type HttpAnswer, type HttpSend } from '../tusAttempt.ts';
import { errorCodeOf } from '../uploadRetry.ts';

/**
 * The server's side of a take for the engine's unit tests: POST /candidate/takes, tus (creation with deferred
 * length, HEAD, PATCH) and the take-state, prefix-sha256 and finish calls, over one in-memory model. It behaves
 * like the real server after issue 12 (a PATCH may declare the same length again; HEAD finishes an upload whose
 * every byte arrived); `legacyLengthRule` brings back the refusal of a second Upload-Length. Faults are queued
 * per request; the engine's own tus client talks to it through its HTTP port.
 */

export const endpoint = 'http://oneway.test/api/v1/uploads';

export type Fault =
  /** No answer: the request never reached the server. */
  | 'drop'
  /** The server did the work, but its answer was lost. */
  | 'dropAnswer'
  /** A PATCH cut in the middle: the length (if any) recorded first, then half the body stored, no answer. */
  | 'cutBody'
  /** Never answers until aborted. */
  | 'hang'
  /** Half the body goes out (progress reported), then nothing until aborted. */
  | 'hangHalfSent'
  | { status: number; body?: string; headers?: Record<string, string> };

interface Upload {
  id: string;
  takeId: string;
  data: Uint8Array;
  length: number | null;
}

interface Take {
  takeId: string;
  questionId: string;
  status: TakeStatus;
  failureReason: string | null;
  uploadId: string | null;
  bytes: number | null;
  sha256: string | null;
}

export interface LoggedRequest {
  client: string;
  method: string;
  offset: number | null;
  length: string | null;
  bodyBytes: number;
}

const json = (code: string) => JSON.stringify({ code, message: code });
const sha256Of = (bytes: Uint8Array) => new Sha256().update(bytes).digestHex();

function response(status: number, headers: Record<string, string> = {}, body = ''): HttpAnswer {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { status, header: (name) => lower[name.toLowerCase()] ?? null, body };
}

export class FakeTakeServer {
  readonly takes = new Map<string, Take>();
  readonly uploads = new Map<string, Upload>();
  readonly log: LoggedRequest[] = [];
  readonly apiCalls: { client: string; call: string }[] = [];
  private readonly faults: { method: string; fault: Fault }[] = [];
  private readonly hanging = new Set<() => void>();
  private readonly cutClients = new Set<string>();
  private nextId = 1;
  /** Nothing answers (the machine is off the network, or the server is down). */
  down = false;
  /** Every PATCH and creation answers 503 storage_unavailable (a full disk). */
  storageFull = false;
  /** The server before issue 12: a PATCH declaring the length again is refused (400, plain text). */
  legacyLengthRule = false;
  /** What POST /candidate/takes answers instead of a take, when set. */
  openAnswer: ApiAnswer<never> | null = null;

  /** The next request of `method` meets `fault`. */
  fail(method: 'POST' | 'HEAD' | 'PATCH', fault: Fault): void {
    this.faults.push({ method, fault });
  }

  /** The server restarts: requests in flight get no answer; what it stored stays. */
  restart(): void {
    for (const drop of [...this.hanging]) drop();
  }

  /** A tab that died: its requests never answer from now on. */
  cut(client: string): void {
    this.cutClients.add(client);
  }

  /** The candidate continued on another device: the live take ends (abandoned, taken over). */
  takeOver(takeId: string): void {
    const take = this.takes.get(takeId);
    if (take) Object.assign(take, { status: 'abandoned', failureReason: 'taken_over' });
  }

  uploadOf(takeId: string): Upload | undefined {
    const id = this.takes.get(takeId)?.uploadId;
    return id ? this.uploads.get(id) : undefined;
  }

  /** The HTTP of one tab. */
  http(client: string): HttpSend {
    return (request) => this.send(client, request);
  }

  api(client: string): TakeApiPort {
    const call = <T>(name: string, work: () => ApiAnswer<T>): Promise<ApiAnswer<T>> => {
      this.apiCalls.push({ client, call: name });
      if (this.down || this.cutClients.has(client))
        return Promise.resolve({ ok: false, status: 0, code: null });
      return Promise.resolve(work());
    };
    return {
      openTake: async ({ questionId }) => {
        const answer = await call('openTake', () => this.openTake(questionId));
        if (answer.ok) return { ok: true, take: answer.value };
        throw Object.assign(new Error('openTake failed'), answer);
      },
      takeState: (takeId) => call('takeState', () => this.takeState(takeId)),
      prefixSha256: (takeId, bytes) => call('prefixSha256', () => this.prefix(takeId, bytes)),
      finishUploadAt: (url, length) => call('finishUploadAt', () => this.finishAt(url, length)),
    };
  }

  private openTake(questionId: string) {
    if (this.openAnswer) return this.openAnswer;
    for (const take of this.takes.values()) {
      if (take.questionId === questionId && (take.status === 'open' || take.status === 'uploading')) {
        take.status = 'abandoned';
      }
    }
    const takeId = `take-${this.nextId++}`;
    this.takes.set(takeId, {
      takeId,
      questionId,
      status: 'open',
      failureReason: null,
      uploadId: null,
      bytes: null,
      sha256: null,
    });
    const take = { takeId, uploadUrl: endpoint, uploadMetadata: { takeId }, takesLeft: 2 };
    return { ok: true as const, value: take };
  }

  private takeState(takeId: string): ApiAnswer<TakeState> {
    const take = this.takes.get(takeId);
    if (!take) return { ok: false, status: 404, code: 'not_found' };
    const { status, bytes, sha256, failureReason } = take;
    return { ok: true, value: { status, bytes, sha256, failureReason } };
  }

  private prefix(takeId: string, bytes: number): ApiAnswer<StoredCopy> {
    const upload = this.uploadOf(takeId);
    if (!upload || upload.data.length < bytes) return { ok: false, status: 409, code: 'take_not_open' };
    return { ok: true, value: { sha256: sha256Of(upload.data.subarray(0, bytes)), bytes } };
  }

  private finishAt(url: string, length: number): ApiAnswer<StoredCopy | null> {
    const res = this.patch(url, { offset: length, length: String(length) }, new Uint8Array(0));
    if (res.status >= 300) return { ok: false, status: res.status, code: errorCodeOf(res.body) };
    const sha256 = res.header(storedSha256Header);
    return { ok: true, value: sha256 ? { sha256, bytes: Number(res.header(storedBytesHeader)) } : null };
  }

  /** Ends a take whose every byte arrived: stored, hashed; the answer names both. */
  private complete(upload: Upload): Record<string, string> {
    const take = this.takes.get(upload.takeId);
    if (take && take.status !== 'uploaded') {
      Object.assign(take, { status: 'uploaded', bytes: upload.data.length, sha256: sha256Of(upload.data) });
    }
    return { [storedSha256Header]: take?.sha256 ?? '', [storedBytesHeader]: String(take?.bytes ?? 0) };
  }

  private refusalOf(take: Take | undefined): HttpAnswer | null {
    if (!take) return response(404, {}, json('not_found'));
    if (take.failureReason === 'taken_over') return response(409, {}, json('take_taken_over'));
    if (take.status !== 'open' && take.status !== 'uploading')
      return response(409, {}, json('take_not_open'));
    return null;
  }

  private apply(method: string, url: string, headers: Map<string, string>, body: Uint8Array): HttpAnswer {
    if (method === 'POST') {
      if (this.storageFull) return response(503, { 'Retry-After': '30' }, json('storage_unavailable'));
      const takeId = atob((headers.get('upload-metadata') ?? '').split(' ')[1] ?? '');
      const take = this.takes.get(takeId);
      const refusal = this.refusalOf(take);
      if (refusal || !take) return refusal ?? response(404);
      const id = `u${this.nextId++}`;
      this.uploads.set(id, { id, takeId, data: new Uint8Array(0), length: null });
      take.uploadId = id;
      return response(201, { Location: `${endpoint}/${id}` });
    }
    const upload = this.uploads.get(url.split('/').at(-1) ?? '');
    if (!upload) return response(404, {}, 'The file for this url was not found\n');
    const refusal = this.refusalOf(this.takes.get(upload.takeId));
    if (method === 'HEAD') {
      if (refusal && this.takes.get(upload.takeId)?.status !== 'uploaded') return refusal;
      // Every byte arrived but the server died before saving: HEAD finishes it.
      if (upload.length !== null && upload.data.length === upload.length) this.complete(upload);
      const lengthHeader: Record<string, string> =
        upload.length === null ? {} : { 'Upload-Length': String(upload.length) };
      return response(200, { 'Upload-Offset': String(upload.data.length), ...lengthHeader });
    }
    const offset = Number(headers.get('upload-offset'));
    const length = headers.get('upload-length') ?? null;
    return this.patch(url, { offset, length }, body);
  }

  private patch(
    url: string,
    request: { offset: number; length: string | null },
    body: Uint8Array,
  ): HttpAnswer {
    const upload = this.uploads.get(url.split('/').at(-1) ?? '');
    if (!upload) return response(404, {}, 'The file for this url was not found\n');
    const refusal = this.refusalOf(this.takes.get(upload.takeId));
    if (refusal) return refusal;
    if (this.storageFull) return response(503, { 'Retry-After': '30' }, json('storage_unavailable'));
    if (request.offset !== upload.data.length) return response(409, {}, 'Upload-Offset conflict\n');
    if (request.length !== null) {
      const declared = Number(request.length);
      if (upload.length !== null && (this.legacyLengthRule || declared !== upload.length)) {
        return response(400, {}, 'Upload-Length or Upload-Defer-Length header required\n');
      }
      upload.length = declared;
    }
    const data = new Uint8Array(upload.data.length + body.length);
    data.set(upload.data);
    data.set(body, upload.data.length);
    if (upload.length !== null && data.length > upload.length)
      return response(400, {}, 'Upload length exceeded\n');
    upload.data = data;
    const take = this.takes.get(upload.takeId);
    if (take && take.status === 'open') take.status = 'uploading';
    const stored = upload.length !== null && data.length === upload.length ? this.complete(upload) : {};
    return response(204, { 'Upload-Offset': String(data.length), ...stored });
  }

  private async send(client: string, request: Parameters<HttpSend>[0]): Promise<HttpAnswer> {
    const { method, url } = request;
    const headers = new Map(
      Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    const body = request.body ? new Uint8Array(await request.body.arrayBuffer()) : new Uint8Array(0);
    this.log.push({
      client,
      method,
      offset: headers.has('upload-offset') ? Number(headers.get('upload-offset')) : null,
      length: headers.get('upload-length') ?? null,
      bodyBytes: body.length,
    });
    const index = this.faults.findIndex((queued) => queued.method === method);
    const fault = index >= 0 ? this.faults.splice(index, 1)[0]?.fault : undefined;
    const never = () =>
      new Promise<HttpAnswer>((_, reject) => {
        const drop = () => {
          this.hanging.delete(drop);
          reject(new Error('connection dropped'));
        };
        this.hanging.add(drop);
        request.signal.addEventListener('abort', drop, { once: true });
      });
    if (this.down) throw new Error('no answer');
    if (this.cutClients.has(client)) return never();
    if (fault === 'drop') throw new Error('no answer');
    if (fault === 'hang') return never();
    if (fault === 'hangHalfSent') {
      request.onProgress?.(Math.floor(body.length / 2));
      return never();
    }
    if (typeof fault === 'object') return response(fault.status, fault.headers ?? {}, fault.body ?? '');
    if (fault === 'cutBody') {
      // The length is recorded before the bytes are read (as the server did in issue 12's first round).
      this.apply(method, url, headers, body.subarray(0, Math.floor(body.length / 2)).slice());
      throw new Error('connection cut');
    }
    request.onProgress?.(body.length);
    const answer = this.apply(method, url, headers, body);
    if (fault === 'dropAnswer') throw new Error('answer lost');
    return answer;
  }
}
