import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FileStore } from '@tus/file-store';
import { ERRORS, type Locker, type Upload } from '@tus/server';
import type { Logger } from 'pino';
import { classifyStorageError, type StorageFailure } from '../../lib/storage-errors.ts';
import { uploadCapOf, uploadTooLargeRefusal } from './storage-allowance.ts';
import { uploadErrorBody, type TusError } from './upload-errors.ts';
import { appendBody, UploadFiles } from './upload-files.ts';
import type { UploadHashes } from './upload-hashes.ts';
import { answerStorageUnavailable } from './upload-storage-failure.ts';

/** A tus refusal as an Error, with the status and body @tus/server would answer. */
const refusal = (error: TusError): Error & TusError =>
  Object.assign(new Error(error.body.trim()), { status_code: error.status_code, body: error.body });

export interface LocalPatchDeps {
  /** The FileStore @tus/server uses for the other methods: the same files, offsets and lengths. */
  datastore: FileStore;
  directory: string;
  hashes: UploadHashes;
  /** Shared with @tus/server, so a HEAD or a newer PATCH of the same upload waits for this one. */
  locker: Locker;
  maxSize: number;
  authorize(cookieHeader: string | null, uploadId: string, method: string): Promise<void>;
  finish(upload: Upload): Promise<{ headers: Record<string, string> }>;
  logger: Logger;
  /** The PATCH failed because storage did (answered 503 storage_unavailable): the caller logs and records it. */
  onStorageFailure(options: {
    uploadId: string;
    cookie: string | null;
    failure: StorageFailure;
    err: unknown;
  }): void;
}

export interface LocalPatch {
  patch(req: IncomingMessage, res: ServerResponse, uploadId: string): Promise<void>;
  /** Tells the PATCH path of an upload just created (tus POST), whose check and state it can reuse. */
  created(upload: Upload, cookieHeader: string | null, withBody: boolean): void;
  /** Drops what is known of an upload whose take was ended, so its next PATCH is checked afresh (and refused). */
  forget(uploadId: string): void;
  /** Closes the files kept open between chunks (server shutdown). */
  close(): void;
}

const tusVersion = '1.0.0';
/** A non-negative integer written as @tus/server accepts it: no sign, no leading zero, exact as a JS number. */
const digits = /^(?:0|[1-9]\d{0,14})$/;

/**
 * tus 1.0 PATCH for uploads kept in a local folder, on Node's own streams. A recording candidate sends one PATCH
 * a second for as long as they answer, so this is the server's busiest path; @tus/server 2.x takes every body
 * through web streams and four stream stages, which cost the event loop twice what the bytes themselves do
 * (docs/decisions.md). Here the body goes straight from the socket to the file, hashed on the way. Everything
 * else (creation, HEAD, OPTIONS, S3 uploads) stays with @tus/server, over the same FileStore files and lock.
 */
export function createLocalPatch(deps: LocalPatchDeps): LocalPatch {
  const recent = new RecentUploads();
  const files = new UploadFiles(deps.directory);

  async function patch(req: IncomingMessage, res: ServerResponse, uploadId: string): Promise<void> {
    const released = new AbortController();
    try {
      const { offset, length } = patchHeaders(req);
      const cookie = req.headers.cookie ?? null;
      // A PATCH that may finish the upload is always checked afresh; the ones in between ride on a recent check.
      // Without a known state (a PATCH refused or left before it got the lock) the length on disk may be known.
      const known = recent.state(uploadId);
      const mayFinish = length !== undefined || known === undefined || known.size !== undefined;
      if (mayFinish || !recent.authorized(uploadId, cookie)) {
        await deps.authorize(cookie, uploadId, 'PATCH');
        recent.authorize(uploadId, cookie);
      }
      // The client left while it was checked: nothing more arrives and nobody waits for the answer. Asking for the
      // lock would only make a newer PATCH of the upload, in progress, let go of it.
      if (req.destroyed) return;
      // Only while waiting for the lock: aborting a signal costs an exception object, and every request closes.
      const gone = new AbortController();
      const onGone = (): void => gone.abort();
      req.once('close', onGone);
      const lock = deps.locker.newLock(uploadId);
      try {
        await lock.lock(gone.signal, () => released.abort());
      } finally {
        req.off('close', onGone);
      }
      let upload: Upload;
      try {
        upload = await currentUpload(uploadId, offset);
        if (upload.offset !== offset) throw refusal(ERRORS.INVALID_OFFSET);
        // The take's own cap, set at its creation (storage-allowance.ts).
        const cap = uploadCapOf(upload, deps.maxSize);
        if (length !== undefined && length > cap) throw refusal(uploadTooLargeRefusal(cap));
        if (length !== undefined) await declareLength(upload, length);
        const room = upload.size !== undefined ? upload.size - offset : cap - offset;
        if (Number(req.headers['content-length'] ?? 0) > room) {
          throw refusal(
            upload.size !== undefined ? ERRORS.ERR_MAX_SIZE_EXCEEDED : uploadTooLargeRefusal(cap),
          );
        }
        const hashed = deps.hashes.continueAt(uploadId, offset);
        const written = await files.use(uploadId, (fd) =>
          appendBody(req, fd, offset, room, { hashed, released: released.signal }),
        );
        upload.offset = offset + written.bytes;
        hashed?.stored(upload.offset);
        recent.remember(upload);
        if (written.tooLarge) {
          throw refusal(
            upload.size !== undefined ? ERRORS.ERR_MAX_SIZE_EXCEEDED : uploadTooLargeRefusal(cap),
          );
        }
        if (released.signal.aborted) throw refusal(ERRORS.ABORTED);
      } catch (err) {
        recent.forget(uploadId);
        files.close(uploadId);
        throw err;
      } finally {
        await lock.unlock();
      }
      const headers: Record<string, string> = {
        'Tus-Resumable': tusVersion,
        'Upload-Offset': String(upload.offset),
      };
      if (upload.offset === upload.size) {
        recent.forget(uploadId);
        files.close(uploadId);
        Object.assign(headers, (await deps.finish(upload)).headers);
      }
      res.writeHead(204, headers).end();
    } catch (err) {
      const failure = classifyStorageError(err);
      if (failure) {
        deps.onStorageFailure({ uploadId, cookie: req.headers.cookie ?? null, failure, err });
        answerStorageUnavailable(res, {
          'Tus-Resumable': tusVersion,
          ...(released.signal.aborted ? { Connection: 'close' } : {}),
        });
        return;
      }
      answerError(res, err, deps.logger, released.signal.aborted);
    }
  }

  /**
   * The upload as this process last left it, when the PATCH continues from there; else (another process wrote
   * it, a restart, an offset that does not match) as FileStore reads it from disk: its .json and the file's size.
   */
  async function currentUpload(uploadId: string, offset: number): Promise<Upload> {
    const known = recent.state(uploadId);
    if (known && known.offset === offset) return known;
    return deps.datastore.getUpload(uploadId);
  }

  /**
   * The length a PATCH declares. The same length again is accepted: tus-js-client declares it on the request that
   * sends the last bytes and again on its retry when that request was cut off, and the length was stored before
   * the body was read. A different one is refused, as is one below the bytes already held.
   */
  async function declareLength(upload: Upload, length: number): Promise<void> {
    if (upload.size === length) return;
    if (upload.size !== undefined || length < upload.offset) throw refusal(ERRORS.INVALID_LENGTH);
    if (deps.maxSize > 0 && length > deps.maxSize) throw refusal(ERRORS.ERR_MAX_SIZE_EXCEEDED);
    await deps.datastore.declareUploadLength(upload.id, length);
    upload.size = length;
  }

  /**
   * A new upload, checked by its creation: its first PATCH can go straight to writing. Its state is kept only when
   * the creation carried no bytes, since @tus/server writes those after telling us.
   */
  function created(upload: Upload, cookieHeader: string | null, withBody: boolean): void {
    recent.authorize(upload.id, cookieHeader);
    if (!withBody) recent.remember(upload);
  }

  const forget = (uploadId: string): void => {
    recent.forget(uploadId);
    files.close(uploadId);
  };

  return { patch, created, forget, close: () => files.closeAll() };
}

/**
 * What the creation or last PATCH of each upload in progress established: who may send the next (for a few
 * seconds, so the chunk a second of a recording does not read the session, invitation and take each time) and
 * where the upload stands. A revoked session or a closed take is noticed within `authorizedForMs`: until then
 * the most it lets through is more bytes into an upload that can no longer become a take, since a PATCH that
 * may finish the upload never relies on it.
 */
class RecentUploads {
  private readonly uploads = new Map<string, { cookie: string | null; until: number; upload?: Upload }>();

  constructor(
    private readonly authorizedForMs = 30_000,
    private readonly capacity = 10_000,
  ) {}

  authorized(uploadId: string, cookie: string | null): boolean {
    const entry = this.uploads.get(uploadId);
    return entry !== undefined && entry.cookie === cookie && entry.until > Date.now();
  }

  authorize(uploadId: string, cookie: string | null): void {
    const entry = this.uploads.get(uploadId);
    const until = Date.now() + this.authorizedForMs;
    if (entry && entry.cookie === cookie) entry.until = until;
    else this.set(uploadId, { cookie, until });
  }

  state(uploadId: string): Upload | undefined {
    return this.uploads.get(uploadId)?.upload;
  }

  remember(upload: Upload): void {
    const entry = this.uploads.get(upload.id);
    if (entry) entry.upload = upload;
  }

  forget(uploadId: string): void {
    this.uploads.delete(uploadId);
  }

  private set(uploadId: string, entry: { cookie: string | null; until: number }): void {
    this.uploads.delete(uploadId);
    this.uploads.set(uploadId, entry);
    if (this.uploads.size <= this.capacity) return;
    // Abandoned uploads are dropped oldest first; they only lose the shortcut.
    const oldest = this.uploads.keys().next().value;
    if (oldest !== undefined) this.uploads.delete(oldest);
  }
}

/** The headers a PATCH must carry, checked as @tus/server checks them (same statuses and bodies). */
function patchHeaders(req: IncomingMessage): { offset: number; length: number | undefined } {
  const header = (name: string): string | undefined => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  const resumable = header('tus-resumable');
  if (!resumable) throw refusal({ status_code: 412, body: 'Tus-Resumable Required\n' });
  const invalid: string[] = [];
  if (resumable !== tusVersion) invalid.push('tus-resumable');
  const offset = header('upload-offset');
  if (offset !== undefined && !digits.test(offset)) invalid.push('upload-offset');
  const length = header('upload-length');
  if (length !== undefined && !digits.test(length)) invalid.push('upload-length');
  const type = header('content-type');
  if (type !== undefined && type !== 'application/offset+octet-stream') invalid.push('content-type');
  if (invalid.length > 0) throw refusal({ status_code: 400, body: `Invalid ${invalid.join(' ')}\n` });
  if (offset === undefined) throw refusal(ERRORS.MISSING_OFFSET);
  if (type === undefined) throw refusal(ERRORS.INVALID_CONTENT_TYPE);
  return { offset: Number(offset), length: length === undefined ? undefined : Number(length) };
}

function answerError(res: ServerResponse, err: unknown, logger: Logger, released: boolean): void {
  const known = isTusError(err);
  if (!known) logger.error({ err }, 'upload PATCH failed');
  const status = known ? err.status_code : 500;
  const body = uploadErrorBody(known ? err : { status_code: 500, body: '' }, res.req);
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'Tus-Resumable': tusVersion,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    ...(released ? { Connection: 'close' } : {}),
  });
  res.end(body);
}

const isTusError = (err: unknown): err is TusError =>
  typeof err === 'object' &&
  err !== null &&
  typeof (err as Partial<TusError>).status_code === 'number' &&
  typeof (err as Partial<TusError>).body === 'string';
