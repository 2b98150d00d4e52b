import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MediaStorage } from '../../adapters/media-storage.ts';

export type RecordingMime = 'video/webm' | 'video/mp4';

const webmMagic = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);

/**
 * The container by its first bytes, never by what the client says: WebM (EBML header) from Chromium and
 * Firefox, MP4 (an `ftyp` box at offset 4) from Safari. Anything else is refused.
 */
export function detectRecordingMime(head: Buffer): RecordingMime | null {
  if (head.subarray(0, 4).equals(webmMagic)) return 'video/webm';
  if (head.subarray(4, 8).toString('latin1') === 'ftyp') return 'video/mp4';
  return null;
}

export async function readFileHead(filePath: string, length = 12): Promise<Buffer> {
  const handle = await fs.open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** SHA-256 (hex) and size of the file (or of its first `bytes` bytes), streamed so a 1 GiB recording never sits in memory. */
export function hashFile(filePath: string, bytes?: number): Promise<{ sha256: string; bytes: number }> {
  if (bytes === 0) return hashStream(Readable.from([]));
  return hashStream(createReadStream(filePath, bytes === undefined ? {} : { start: 0, end: bytes - 1 }));
}

/** SHA-256 (hex) and size of an object in media storage, streamed. */
export async function hashStoredObject(
  storage: MediaStorage,
  key: string,
): Promise<{ sha256: string; bytes: number }> {
  return hashStream(await storage.openReadStream(key));
}

/** The first `length` bytes of an object in media storage (fewer when it is shorter). */
export async function readStoredHead(storage: MediaStorage, key: string, length = 12): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.openReadStream(key, { start: 0, end: length - 1 })) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).subarray(0, length);
}

async function hashStream(stream: Readable): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  await pipeline(stream, async function* (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      bytes += chunk.length;
      hash.update(chunk);
    }
    yield* [];
  });
  return { sha256: hash.digest('hex'), bytes };
}
