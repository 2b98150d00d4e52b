import { performance } from 'node:perf_hooks';
import { ERRORS, type Upload } from '@tus/server';
import type { Logger } from 'pino';
import type { TakesTable } from '../../db/schema/takes.ts';
import { AppError } from '../../errors.ts';
import type { TakeUploadsService } from './take-uploads.service.ts';
import type { FinishedUpload, UploadStore } from './upload-store.ts';

/** What a finished upload stored: the SHA-256 and size its take was saved with. */
export interface StoredTake {
  sha256: string | null;
  bytes: number | null;
}

/** Errors a datastore answers for an upload whose record or bytes are gone (FileStore: 404 / 410). */
const isGone = (err: unknown): boolean =>
  err === ERRORS.FILE_NOT_FOUND ||
  err === ERRORS.FILE_NO_LONGER_EXISTS ||
  (typeof err === 'object' &&
    err !== null &&
    [404, 410].includes((err as { status_code?: number }).status_code ?? 0));

/**
 * Finishing uploads whose every byte arrived, once however many ask: the PATCH that brought the last byte, a HEAD
 * or the take's state asked for after the server died between the last byte and saving (the upload is complete
 * but its take still `uploading`), and a finish that died after moving the file (see completeTakeUpload).
 */
export function createUploadFinisher(deps: {
  takeUploads: TakeUploadsService;
  uploads: Pick<UploadStore, 'datastore' | 'finishedUpload' | 'forget'>;
  logger: Logger;
  /** A take's bytes reached storage: a storage problem of its organisation is over. */
  onStored?: (take: TakesTable) => Promise<void>;
}) {
  const inFlight = new Map<string, Promise<StoredTake>>();

  async function run(uploadId: string, size: number): Promise<StoredTake> {
    const started = performance.now();
    const timings: Record<string, number> = {};
    let saved: TakesTable;
    try {
      saved = await deps.takeUploads.completeTakeUpload({
        uploadId,
        upload: timed(deps.uploads.finishedUpload(uploadId, size), timings),
      });
    } catch (err) {
      // A refusal ends the upload; any other failure (storage, database) leaves its record, so the next HEAD or
      // PATCH can finish it once the fault is over.
      if (err instanceof AppError) await deps.uploads.forget(uploadId);
      throw err;
    }
    await deps.uploads.forget(uploadId);
    await deps.onStored?.(saved);
    deps.logger.info(
      { uploadId, bytes: size, ms: { ...timings, total: elapsedMs(started) } },
      'upload finished',
    );
    return { sha256: saved.sha256, bytes: saved.bytes };
  }

  /** Saves the take of a complete upload; a second call while one runs waits for it and gets its answer. */
  function finish(upload: Pick<Upload, 'id' | 'size' | 'offset'>): Promise<StoredTake> {
    const running = inFlight.get(upload.id);
    if (running) return running;
    const work = run(upload.id, upload.size ?? upload.offset).finally(() => inFlight.delete(upload.id));
    inFlight.set(upload.id, work);
    return work;
  }

  return {
    finish,

    /**
     * Finishes the take of an upload whose every byte arrived while its take is still `uploading` (the server died
     * between the last byte and saving, or after moving the file). Returns the take as it now stands, or undefined
     * when there is no such upload; a take still receiving bytes is returned as it is.
     */
    async finishIfComplete(uploadId: string): Promise<TakesTable | undefined> {
      const take = await deps.takeUploads.findUploadTake(uploadId);
      if (!take || take.status !== 'uploading') return take;
      const running = inFlight.get(uploadId);
      if (running) {
        await running;
        return deps.takeUploads.findUploadTake(uploadId);
      }
      let upload: Upload | null;
      try {
        upload = await deps.uploads.datastore.getUpload(uploadId);
      } catch (err) {
        if (!isGone(err)) throw err;
        // The record or the bytes are gone from the upload folder: if the file reached its storage key, the
        // finish stopped after the move, and completeTakeUpload saves the take from the stored file.
        upload = null;
      }
      if (upload && (upload.size === undefined || upload.offset !== upload.size)) return take;
      if (!upload && !(await deps.takeUploads.hasStoredFile(take))) return take;
      await finish({ id: uploadId, size: upload?.size, offset: upload?.offset ?? 0 });
      return deps.takeUploads.findUploadTake(uploadId);
    },
  };
}

export type UploadFinisher = ReturnType<typeof createUploadFinisher>;

const elapsedMs = (since: number) => Math.round((performance.now() - since) * 10) / 10;

/** The same finished upload, adding how long each step took (ms) to `timings`, for the finish log line. */
function timed(upload: FinishedUpload, timings: Record<string, number>): FinishedUpload {
  const time =
    <A extends unknown[], R>(name: string, work: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const started = performance.now();
      try {
        return await work(...args);
      } finally {
        timings[name] = elapsedMs(started);
      }
    };
  return {
    readHead: time('readHead', (length: number) => upload.readHead(length)),
    hash: time('hash', () => upload.hash()),
    moveTo: time('moveTo', (key: string, contentType: string) => upload.moveTo(key, contentType)),
    discard: time('discard', () => upload.discard()),
  };
}
