import { createHash, type Hash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataStore } from '@tus/server';

interface RunningHash {
  hash: Hash;
  /** Bytes hashed: the upload's offset after the last write this process made. */
  bytes: number;
}

/** Feeds one write's bytes to an upload's running hash. */
export interface HashedWrite {
  update(chunk: Buffer): void;
  /** The write is over and the upload now ends at `newOffset`. */
  stored(newOffset: number): void;
}

/**
 * The SHA-256 of each upload, kept up to date as its bytes are written, so a finished upload's hash is ready at
 * once instead of reading the whole recording back (which grows with the answer's length, between the last byte
 * and "saved"). A hash is kept only while every byte from 0 was written through this process, in order and as
 * read: a restart, a PATCH taken by another process, or a write that failed or stored other than it read drops
 * it, and the finished upload is then hashed from storage as before.
 */
export class UploadHashes {
  private readonly running = new Map<string, RunningHash>();

  /** `capacity`: uploads tracked at most (abandoned ones are dropped oldest first; they only lose the shortcut). */
  constructor(private readonly capacity = 10_000) {}

  /** Makes `datastore.write` hash every byte it stores. */
  track(datastore: DataStore): void {
    const write = datastore.write.bind(datastore);
    datastore.write = (stream, id, offset) => this.write(write, stream, id, offset);
  }

  /** The SHA-256 of upload `id` if it covers exactly its `size` bytes, else null; forgets it either way. */
  take(id: string, size: number): { sha256: string; bytes: number } | null {
    const running = this.running.get(id);
    this.running.delete(id);
    if (!running || running.bytes !== size) return null;
    return { sha256: running.hash.digest('hex'), bytes: running.bytes };
  }

  /** The SHA-256 of upload `id`'s first `bytes` bytes if its running hash covers exactly those, else null. */
  peek(id: string, bytes: number): string | null {
    const running = this.running.get(id);
    return running?.bytes === bytes ? running.hash.copy().digest('hex') : null;
  }

  forget(id: string): void {
    this.running.delete(id);
  }

  /**
   * The hash to feed with the bytes of one write at `offset` of upload `id`, or null when no hash covers the
   * bytes before it (the upload is then hashed from storage when it finishes). `stored(newOffset)` after the
   * write keeps the hash only if the store kept exactly the bytes fed; until then the upload has no hash, so
   * a failed write drops it.
   */
  continueAt(id: string, offset: number): HashedWrite | null {
    const known = this.running.get(id);
    this.running.delete(id);
    const running =
      offset === 0 ? { hash: createHash('sha256'), bytes: 0 } : known?.bytes === offset ? known : null;
    if (!running) return null;
    let fed = 0;
    return {
      update: (chunk) => {
        running.hash.update(chunk);
        fed += chunk.length;
      },
      stored: (newOffset) => {
        if (newOffset - offset === fed) this.remember(id, { hash: running.hash, bytes: newOffset });
      },
    };
  }

  private async write(
    write: DataStore['write'],
    stream: Readable,
    id: string,
    offset: number,
  ): Promise<number> {
    const hashed = this.continueAt(id, offset);
    if (!hashed) return write(stream, id, offset);
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hashed.update(chunk);
        done(null, chunk);
      },
    });
    // A source that fails or closes early fails the store's write, as it would without this step.
    pipeline(stream, hashing).catch(() => undefined);
    const newOffset = await write(hashing, id, offset);
    hashed.stored(newOffset);
    return newOffset;
  }

  private remember(id: string, running: RunningHash): void {
    this.running.set(id, running);
    if (this.running.size <= this.capacity) return;
    const oldest = this.running.keys().next().value;
    if (oldest !== undefined) this.running.delete(oldest);
  }
}
