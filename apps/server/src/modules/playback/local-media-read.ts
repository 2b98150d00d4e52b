import fs from 'node:fs';
import type { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { OpenFiles } from '../../lib/open-files.ts';

/** A media file opened for one answer: its size, then one read of the bytes asked for. */
export interface OpenedMedia {
  size: number;
  /**
   * Bytes `start` to `end` (included), once, to be sent as the answer of `response`; the file and any buffer
   * are let go when they have been read or the response is over.
   */
  read(
    range: { start: number; end: number },
    response: Pick<EventEmitter, 'once'>,
  ): Promise<Buffer | Readable | MediaPump>;
  /** Lets the file go without reading it (a refused range); harmless after `read`. */
  close(): void;
}

/** Writes a long range into a response whose head was written; resolves once it ended or the client left. */
export type MediaPump = (response: ServerResponse) => Promise<void>;

/** A range up to this long (what players often ask for) is read in one call and sent as one buffer. */
const singleReadBytes = 1024 * 1024;
/**
 * Read buffers for single-read ranges, reused once their answer is sent: a fresh 1 MiB buffer per range cost
 * more than the read itself when 64 players asked at once (the memory is mapped, zeroed and unmapped each time).
 */
class ReadBuffers {
  private readonly free: Buffer[] = [];

  constructor(
    private readonly size: number,
    private readonly kept: number,
  ) {}

  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(this.size);
  }

  give(buffer: Buffer): void {
    if (this.free.length < this.kept) this.free.push(buffer);
  }
}

const readBuffers = new ReadBuffers(singleReadBytes, 32);

/** Longer ones go in reads of this size: 64 KiB reads gave half the throughput here, 1 MiB ones cost more. */
const streamReadBytes = 256 * 1024;
const streamBuffers = new ReadBuffers(streamReadBytes, 128);

const isMissing = (err: unknown): boolean =>
  err instanceof Error && (err as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * A local media file, through descriptors kept open between a player's range requests. The path is stat'ed each
 * time, so a file deleted (erasure) or replaced since is never read through an old descriptor. Null when gone.
 */
export async function openLocalMedia(files: OpenFiles, filePath: string): Promise<OpenedMedia | null> {
  let stats: fs.Stats;
  try {
    stats = await fs.promises.stat(filePath);
  } catch (err) {
    if (isMissing(err)) return null;
    throw err;
  }
  if (!stats.isFile()) return null;
  let file: Awaited<ReturnType<OpenFiles['acquire']>>;
  try {
    file = await files.acquire(filePath, stats.ino);
  } catch (err) {
    if (isMissing(err)) return null;
    throw err;
  }
  return {
    size: stats.size,
    async read(range, response) {
      const length = range.end - range.start + 1;
      if (length > singleReadBytes) {
        return async (res) => {
          try {
            await pump(file.fd, range, res);
          } finally {
            file.release();
          }
        };
      }
      const buffer = readBuffers.take();
      try {
        await readAt(file.fd, buffer, range.start, length);
      } catch (err) {
        readBuffers.give(buffer);
        throw err;
      } finally {
        file.release();
      }
      // Back to the pool once the answer is over: sent to the socket, or the connection gone.
      response.once('close', () => readBuffers.give(buffer));
      return buffer.subarray(0, length);
    },
    close: () => file.release(),
  };
}

/**
 * Reads the range into pooled buffers and writes them to `res`, each buffer back in the pool once the socket has
 * taken it (a fresh buffer per read cost more than the read itself with many players at once). A read is under
 * way while the last one is being sent; the client's back-pressure and leaving are respected.
 */
async function pump(fd: number, range: { start: number; end: number }, res: ServerResponse): Promise<void> {
  let position = range.start;
  try {
    while (position <= range.end && !res.destroyed) {
      const buffer = streamBuffers.take();
      const length = Math.min(buffer.length, range.end - position + 1);
      try {
        await readAt(fd, buffer, position, length);
      } catch (err) {
        streamBuffers.give(buffer);
        throw err;
      }
      position += length;
      const flowing = res.write(buffer.subarray(0, length), () => streamBuffers.give(buffer));
      if (!flowing && !res.destroyed) await drainedOrClosed(res);
    }
    res.end();
  } catch (err) {
    res.destroy(err instanceof Error ? err : new Error(String(err)));
  }
}

const drainedOrClosed = (res: ServerResponse): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });

/** Exactly `length` bytes from `position` into `buffer`; a file shorter than that is an error, not a short answer. */
async function readAt(fd: number, buffer: Buffer, position: number, length: number): Promise<void> {
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await new Promise<{ bytesRead: number }>((resolve, reject) => {
      fs.read(fd, buffer, filled, length - filled, position + filled, (err, bytesRead) =>
        err ? reject(err) : resolve({ bytesRead }),
      );
    });
    if (bytesRead === 0)
      throw new Error(`The media file ended at ${position + filled} bytes, before its size.`);
    filled += bytesRead;
  }
}
