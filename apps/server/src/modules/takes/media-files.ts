import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';

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

/** SHA-256 (hex) and size, streamed so a 1 GiB recording never sits in memory. */
export async function hashFile(filePath: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  await pipeline(createReadStream(filePath), async function* (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      bytes += chunk.length;
      hash.update(chunk);
    }
    yield* [];
  });
  return { sha256: hash.digest('hex'), bytes };
}
