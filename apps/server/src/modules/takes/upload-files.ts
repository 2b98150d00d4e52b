import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { OpenFiles } from '../../lib/open-files.ts';
import type { HashedWrite } from './upload-hashes.ts';

/** Bytes gathered from the socket before one write call: a recording's second is ~300 KB, so one or two. */
const batchBytes = 256 * 1024;
/**
 * Bytes waiting for the disk (besides the batch being written) before the socket is paused: one batch, so a
 * PATCH holds at most ~512 KB however far the disk is behind (at 1 MB, 800 slow PATCHes held 1 GB).
 */
const pauseAtBytes = batchBytes;

/**
 * The files of uploads in progress, each opened once and kept open while its chunks keep coming (a recording
 * sends one a second), instead of an open and a close per chunk. A file unused for `idleMs` is closed, as are
 * all of them on `closeAll`.
 */
export class UploadFiles {
  private readonly files: OpenFiles;

  constructor(
    private readonly directory: string,
    idleMs = 30_000,
  ) {
    this.files = new OpenFiles({ flags: 'r+', idleMs });
  }

  /** Runs `work` with the upload's file open for writing; the file stays open for the next chunk. */
  async use<T>(uploadId: string, work: (fd: number) => Promise<T>): Promise<T> {
    const file = await this.files.acquire(this.pathOf(uploadId));
    try {
      return await work(file.fd);
    } catch (err) {
      // A file that failed to write is opened afresh next time (this one, not a newer one since).
      file.discard();
      throw err;
    } finally {
      file.release();
    }
  }

  /**
   * Closes the upload's file once nothing writes to it (finished, refused or abandoned uploads): at once when
   * unused, else when its last use ends, so a write in progress never sees its file closed (or its descriptor
   * number given to another file). The next use opens the file afresh.
   */
  close(uploadId: string): void {
    this.files.discard(this.pathOf(uploadId));
  }

  closeAll(): void {
    this.files.closeAll();
  }

  private pathOf(uploadId: string): string {
    return path.join(this.directory, uploadId);
  }
}

/**
 * Writes the request body into `fd` from `offset`, taking at most `room` bytes, a few hundred KB per write call.
 * It stops early, keeping what was written, when the client goes away (tus resumes from there), when `released`
 * aborts (a newer request for the upload wants it), or when the body would pass `room`. Resolves with the bytes
 * written once all are on disk.
 */
export function appendBody(
  req: IncomingMessage,
  fd: number,
  offset: number,
  room: number,
  options: { hashed: HashedWrite | null; released: AbortSignal },
): Promise<{ bytes: number; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    let taken = 0;
    let written = 0;
    let tooLarge = false;
    let ended = false;
    let writing = false;
    let failed = false;
    let pending: Buffer[] = [];
    let pendingBytes = 0;

    const flush = (): void => {
      if (writing || failed) return;
      if (pendingBytes === 0) {
        if (ended) resolve({ bytes: written, tooLarge });
        return;
      }
      if (!ended && pendingBytes < batchBytes) return;
      const batch = pending;
      pending = [];
      pendingBytes = 0;
      writing = true;
      writeAllAt(fd, batch, offset + written, (err, bytes) => {
        writing = false;
        written += bytes;
        if (err) {
          failed = true;
          stop();
          reject(err);
          return;
        }
        if (!ended && req.isPaused()) req.resume();
        flush();
      });
    };
    const onData = (chunk: Buffer): void => {
      if (taken + chunk.length > room) {
        tooLarge = true;
        stop();
        return;
      }
      options.hashed?.update(chunk);
      taken += chunk.length;
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= pauseAtBytes) req.pause();
      flush();
    };
    // A request closed before its end sends nothing more, even one whose every byte had arrived (unread bytes
    // of a closed request are dropped with it): a wait for its end would hold the upload until someone asks.
    const onClose = (): void => stop();
    const stop = (): void => {
      if (ended) return;
      ended = true;
      req.off('data', onData);
      req.off('end', stop);
      req.off('close', onClose);
      options.released.removeEventListener('abort', stop);
      // The rest of a body not taken is read and dropped, so the connection can carry the answer.
      req.resume();
      flush();
    };
    req.on('data', onData);
    req.once('end', stop);
    req.once('close', onClose);
    options.released.addEventListener('abort', stop, { once: true });
    // Already closed (the client left while the PATCH was checked or waited for the lock): no 'close' is coming.
    if (options.released.aborted || req.destroyed) stop();
  });
}

/** fs.writev at `position` until every byte of `buffers` is written (a short write continues where it ended). */
function writeAllAt(
  fd: number,
  buffers: Buffer[],
  position: number,
  done: (err: Error | null, bytes: number) => void,
  bytesSoFar = 0,
): void {
  fs.writev(fd, buffers, position, (err, bytes) => {
    const total = bytesSoFar + (bytes ?? 0);
    if (err) {
      done(err, total);
      return;
    }
    const rest = remainderAfter(buffers, bytes);
    if (rest.length === 0) done(null, total);
    else if (bytes === 0) done(new Error('The disk took none of the bytes written.'), total);
    else writeAllAt(fd, rest, position + bytes, done, total);
  });
}

function remainderAfter(buffers: Buffer[], bytes: number): Buffer[] {
  let skip = bytes;
  const rest: Buffer[] = [];
  for (const buffer of buffers) {
    if (skip >= buffer.length) {
      skip -= buffer.length;
      continue;
    }
    rest.push(skip > 0 ? buffer.subarray(skip) : buffer);
    skip = 0;
  }
  return rest;
}
