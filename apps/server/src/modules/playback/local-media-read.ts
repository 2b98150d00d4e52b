import fs from 'node:fs';
import { finished, type Readable } from 'node:stream';
import type { OpenFiles } from '../../lib/open-files.ts';

/** A media file opened for one answer: its size, then one read of the bytes asked for. */
export interface OpenedMedia {
  size: number;
  /** Bytes `start` to `end` (included), once; the file is let go when they have been read or sent. */
  read(range: { start: number; end: number }): Promise<Buffer | Readable>;
  /** Lets the file go without reading it (a refused range); harmless after `read`. */
  close(): void;
}

/** A range up to this long (what players often ask for) is read in one call and sent as one buffer. */
const singleReadBytes = 1024 * 1024;
/** Longer ones stream in reads of this size: 64 KiB reads gave half the throughput here, 1 MiB ones cost more. */
const streamReadBytes = 256 * 1024;

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
    async read(range) {
      const length = range.end - range.start + 1;
      if (length > singleReadBytes) {
        const stream = fs.createReadStream(filePath, {
          fd: file.fd,
          autoClose: false,
          start: range.start,
          end: range.end,
          highWaterMark: streamReadBytes,
        });
        finished(stream, () => file.release());
        return stream;
      }
      try {
        return await readAt(file.fd, range.start, length);
      } finally {
        file.release();
      }
    },
    close: () => file.release(),
  };
}

/** Exactly `length` bytes from `position`; a file shorter than that is an error, not a short answer. */
async function readAt(fd: number, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
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
  return buffer;
}
