import { createHash, type Hash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataStore } from '@tus/server';

interface RunningHash {
  hash: Hash;
  /** Bytes hashed: the upload's offset after the last write this process made. */
  bytes: number;
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

  forget(id: string): void {
    this.running.delete(id);
  }

  private async write(
    write: DataStore['write'],
    stream: Readable,
    id: string,
    offset: number,
  ): Promise<number> {
    const known = this.running.get(id);
    this.running.delete(id);
    const running =
      offset === 0 ? { hash: createHash('sha256'), bytes: 0 } : known?.bytes === offset ? known : null;
    if (!running) return write(stream, id, offset);
    let hashed = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        running.hash.update(chunk);
        hashed += chunk.length;
        done(null, chunk);
      },
    });
    // A source that fails or closes early fails the store's write, as it would without this step.
    pipeline(stream, hashing).catch(() => undefined);
    const newOffset = await write(hashing, id, offset);
    // The store kept exactly the bytes hashed: the hash still describes the upload.
    if (newOffset - offset === hashed) this.remember(id, { hash: running.hash, bytes: newOffset });
    return newOffset;
  }

  private remember(id: string, running: RunningHash): void {
    this.running.set(id, running);
    if (this.running.size <= this.capacity) return;
    const oldest = this.running.keys().next().value;
    if (oldest !== undefined) this.running.delete(oldest);
  }
}
